package dev.orderflow.cloud.cli.load;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal (redrawn in place), or a plain line every few seconds when
 * the output is not a terminal (CI logs).
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long PLAIN_EVERY_MS = 5_000;

    private final PrintStream err;
    private final int total;

    // Java 17: no console means no terminal (on 22+ that takes Console.isTerminal())
    @SuppressWarnings("SystemConsoleNull")
    private final boolean terminal = System.console() != null;

    private final long started = System.currentTimeMillis();
    private long lastPlain;

    Progress(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    void show(int placed, int finished, boolean last) {
        long now = System.currentTimeMillis();
        double seconds = Math.max(0.001, (now - started) / 1000.0);
        int filled = (int) Math.round((double) finished / total * WIDTH);
        String line =
                String.format(
                        "[%s%s] placed %d/%d, final %d  (%.0f s)",
                        "#".repeat(Math.min(WIDTH, filled)),
                        ".".repeat(Math.max(0, WIDTH - filled)),
                        placed,
                        total,
                        finished,
                        seconds);
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
            err.flush();
        } else if (last || now - lastPlain >= PLAIN_EVERY_MS) {
            err.println(line);
            lastPlain = now;
        }
    }
}
