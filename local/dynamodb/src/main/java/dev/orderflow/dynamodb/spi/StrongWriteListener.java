package dev.orderflow.dynamodb.spi;

/**
 * Observes every write to a multi-Region strongly consistent (MRSC) global table after it committed
 * in the region that took it and before the other replicas apply it. Its items stay claimed
 * meanwhile, so a write to them from another region fails with ReplicatedWriteConflictException: a
 * fault-injection tool (or a test) can keep a write in flight here, deterministically.
 *
 * <p>Installed with {@code GlobalTables.strongWriteListener(...)}; none by default.
 */
public interface StrongWriteListener {

    /**
     * Runs on the request's thread, outside every engine lock; blocking here keeps the write in
     * flight. Must not throw.
     *
     * @param region the region that took the write
     * @param table the MRSC table written
     */
    void replicating(String region, String table);
}
