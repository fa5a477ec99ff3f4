package dev.orderflow.cloud.cli.load;

import java.io.PrintStream;
import java.util.Map;

/** The figures of one load run and how they are printed. */
record LoadSummary(
        LoadPlan plan,
        long startMs,
        long lastPostMs,
        long[] postMillis,
        long[] finalMillis,
        long lastStopMs,
        Map<String, Integer> outcomes,
        Map<Integer, Integer> refusals,
        int throttledRetries,
        double cpuBusyShare) {

    /** Prints the summary; returns the exit code (non-zero when an order is missing or late). */
    int print(PrintStream out) {
        int accepted = postMillis.length;
        int finished = finalMillis.length;
        double placing = seconds(lastPostMs - startMs);
        double toFinal = seconds(Math.max(lastStopMs, lastPostMs) - startMs);
        out.println();
        out.printf(
                "orders:        %d placed by %d clients, %d accepted, %d final%n",
                plan.orders(), plan.concurrency(), accepted, finished);
        out.printf("placed:        %.1f orders/s (%.2f s)%n", accepted / placing, placing);
        out.printf(
                "to final:      %.1f orders/s (%.2f s from the first POST to the last saga's end)%n",
                finished / toFinal, toFinal);
        out.printf("POST latency:  %s%n", Percentiles.of(postMillis).describe());
        out.printf("POST -> final: %s%n", Percentiles.of(finalMillis).describe());
        out.printf("retried POSTs: %d (429/502/503/504)%n", throttledRetries);
        if (cpuBusyShare >= 0) {
            out.printf(
                    "machine CPU:   %.0f%% busy over %d cores while it ran%n",
                    cpuBusyShare * 100, Runtime.getRuntime().availableProcessors());
        }
        out.println("outcomes:");
        outcomes.forEach((k, n) -> out.printf("  %6d  %s%n", n, k));
        refusals.forEach(
                (status, n) ->
                        out.printf(
                                "  %6d  not accepted (%s)%n",
                                n, status == 0 ? "connection failed" : "HTTP " + status));
        int late = accepted - finished;
        if (late > 0) {
            out.printf(
                    "NOT FINAL: %d orders had not reached a final state %d s after the last POST%n",
                    late, plan.deadline().toSeconds());
        }
        return late == 0 && refusals.isEmpty() ? 0 : 1;
    }

    private static double seconds(long millis) {
        return Math.max(0.001, millis / 1000.0);
    }
}
