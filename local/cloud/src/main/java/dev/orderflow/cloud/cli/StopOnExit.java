package dev.orderflow.cloud.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code up} does until the process is told to stop (Ctrl-C, SIGTERM): serve, then close what
 * it started from a shutdown hook and say where the state was kept.
 */
final class StopOnExit {

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param what for the message, e.g. "the local cloud"
     * @param dataDir where the state persists, if anywhere
     */
    StopOnExit(AutoCloseable running, String what, Optional<String> dataDir, PrintStream err) {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    err.println("\nstopping " + what + " ...");
                                    try {
                                        running.close();
                                    } catch (Exception e) {
                                        err.println("while stopping: " + e.getMessage());
                                    }
                                    err.println(
                                            "stopped"
                                                    + dataDir.map(d -> "; state kept in " + d)
                                                            .orElse(""));
                                    stopped.countDown();
                                },
                                "orderflow-shutdown"));
    }

    /** Blocks until the shutdown hook has closed everything. */
    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
