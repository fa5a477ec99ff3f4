package dev.orderflow.states;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone entry point: serves the Step Functions API alone.
 *
 * <pre>
 * java -cp ... dev.orderflow.states.StepFunctionsLocal [--port 8083] [--host 127.0.0.1] [--mock-config FILE]
 * </pre>
 */
public final class StepFunctionsLocal {
    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsLocal.class);

    private StepFunctionsLocal() {}

    /** Parses the arguments, starts the server and blocks until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        StepFunctionsServer.Builder builder = configure(args);
        StepFunctionsServer server = builder.start();
        LOG.info("Step Functions API listening on {}", server.endpoint());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stop.countDown();
                                }));
        stop.await();
    }

    /**
     * Builds the server configuration from command-line arguments.
     *
     * @throws IllegalArgumentException on an unknown or incomplete option
     */
    public static StepFunctionsServer.Builder configure(String[] args) {
        StepFunctionsServer.Builder builder = StepFunctionsServer.builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help")) {
                throw new IllegalArgumentException(
                        "usage: [--port 8083] [--host 127.0.0.1] [--mock-config FILE] [--data-dir DIR]");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--host" -> builder.host(value);
                case "--mock-config" -> builder.mockConfig(Path.of(value));
                case "--region" -> builder.region(value);
                case "--data-dir" -> builder.dataDir(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder;
    }
}
