package dev.orderflow.cloud.cli.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations in milliseconds. */
record Percentiles(long[] sortedMillis) {

    static Percentiles of(long[] millis) {
        long[] copy = millis.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The {@code p}-th percentile (0 < p <= 100), or -1 when there are no samples. */
    long at(double p) {
        if (sortedMillis.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    String describe() {
        if (sortedMillis.length == 0) {
            return "no samples";
        }
        return String.format(
                "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
                at(50), at(95), at(99), sortedMillis[sortedMillis.length - 1]);
    }
}
