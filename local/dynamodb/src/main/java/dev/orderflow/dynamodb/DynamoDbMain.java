package dev.orderflow.dynamodb;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server: {@code java -jar orderflow-dynamodb-local.jar [--port 8000] [--host 127.0.0.1]
 * [--data-dir DIR | --in-memory] [--lifecycle-delay-ms N]}. Runs until the process is stopped; a
 * shutdown hook closes the server so the data directory gets a final snapshot.
 */
public final class DynamoDbMain {
    private static final String USAGE =
            "usage: DynamoDbMain [--port 8000] [--host 127.0.0.1] [--data-dir DIR | --in-memory]"
                    + " [--lifecycle-delay-ms 0]";

    private DynamoDbMain() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream console = System.err;
        DynamoDbServer.Builder builder = DynamoDbServer.builder().clock(Clock.systemUTC());
        Path dataDir;
        try {
            dataDir = configure(builder, args);
        } catch (IllegalArgumentException e) {
            // A clear line and the usage, not a stack trace, for a mistyped command line.
            console.println("error: " + e.getMessage());
            console.println(USAGE);
            System.exit(2);
            return;
        } catch (HelpRequested e) {
            console.println(USAGE);
            return;
        }
        DynamoDbServer server = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                },
                                "dynamodb-shutdown"));
        console.println(
                "orderflow DynamoDB listening on "
                        + server.endpoint()
                        + (dataDir == null ? " (in memory)" : " (data in " + dataDir + ")"));
        stopped.await();
    }

    /** Applies the options to the builder; returns the data directory, null for in memory. */
    private static Path configure(DynamoDbServer.Builder builder, String[] args) {
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port((int) number(value(args, ++i)));
                case "--host" -> builder.host(value(args, ++i));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--in-memory" -> dataDir = null;
                case "--lifecycle-delay-ms" ->
                        builder.lifecycleDelay(Duration.ofMillis(number(value(args, ++i))));
                case "--help", "-h" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        return dataDir;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i - 1]);
        }
        return args[i];
    }

    /** {@code --help}: print the usage and stop. */
    private static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
