package dev.orderflow.cloud.cli.simulate;

/** One partition key's traffic in the current second. */
final class KeyLoad {
    final long position;
    double readUnits;
    double writeUnits;
    long readRequests;
    long writeRequests;

    KeyLoad(long position) {
        this.position = position;
    }

    /** The larger of its read and write use, each as a share of a partition's limit. */
    double share(PartitionLimits limits) {
        return Math.max(readUnits / limits.readUnits(), writeUnits / limits.writeUnits());
    }
}
