package dev.orderflow.dynamodb;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone server: {@code java -jar orderflow-dynamodb-local.jar [--port 8000] [--host 127.0.0.1]
 * [--data-dir DIR | --in-memory]}. Runs until the process is stopped; a shutdown hook closes the
 * server so the data directory gets a final snapshot.
 */
public final class DynamoDbMain {
    private DynamoDbMain() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream console = System.err;
        DynamoDbServer.Builder builder = DynamoDbServer.builder().clock(Clock.systemUTC());
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                case "--host" -> builder.host(value(args, ++i));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--in-memory" -> dataDir = null;
                case "--help", "-h" -> {
                    console.println(
                            "usage: DynamoDbMain [--port 8000] [--host 127.0.0.1] [--data-dir DIR |"
                                    + " --in-memory]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
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

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i - 1]);
        }
        return args[i];
    }
}
