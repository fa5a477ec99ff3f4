package dev.orderflow.cloud.internal.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one function's code writes to {@code System.out} and {@code System.err} (its
 * Log4j/Powertools JSON lines, EMF metrics, prints): passed on to the runtime's own streams as
 * before, and kept, per invocation, for the console. A JVM has one stdout, so the function's
 * bytecode reads these streams through its {@code FunctionEnv} shim instead ({@link
 * GetenvRewriter}); the lines are the invocation's whose thread wrote them, from the cold start's
 * init to its outcome. Lines written by threads of the handler's own go to the runtime's log only.
 */
final class FunctionOutput {

    /** At most this much is kept of one invocation's log; a note says what was cut. */
    static final int LIMIT_BYTES = 32 * 1024;

    // One per function, not static: each function's streams keep their own invocations' lines.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Capture> current = new ThreadLocal<>();

    private final PrintStream out;
    private final PrintStream err;

    FunctionOutput(PrintStream stdout, PrintStream stderr) {
        this.out = new PrintStream(new Tee(stdout), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Tee(stderr), true, StandardCharsets.UTF_8);
    }

    /** The function's {@code System.out}. */
    PrintStream out() {
        return out;
    }

    /** The function's {@code System.err}. */
    PrintStream err() {
        return err;
    }

    /** From now on what this thread writes is kept in {@code capture}, until {@link #unbind()}. */
    void bind(Capture capture) {
        current.set(capture);
    }

    void unbind() {
        current.remove();
    }

    /** One invocation's log, bounded to {@link #LIMIT_BYTES}. */
    static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long dropped;

        synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, LIMIT_BYTES - bytes.size());
            bytes.write(b, off, Math.min(room, len));
            dropped += Math.max(0, len - room);
        }

        /** A line the runtime logs for the handler ({@code LambdaLogger}). */
        void line(String text) {
            byte[] b = (text.stripTrailing() + "\n").getBytes(StandardCharsets.UTF_8);
            write(b, 0, b.length);
        }

        /** The lines kept so far. */
        synchronized List<String> lines() {
            List<String> lines = new ArrayList<>();
            bytes.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isEmpty())
                    .forEach(lines::add);
            if (dropped > 0) {
                lines.add("[log cut at " + LIMIT_BYTES / 1024 + " KB: " + dropped + " bytes more]");
            }
            return List.copyOf(lines);
        }
    }

    private final class Tee extends OutputStream {
        private final PrintStream target;

        Tee(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
            Capture capture = current.get();
            if (capture != null) {
                capture.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
