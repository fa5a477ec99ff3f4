package dev.orderflow.cloud;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local cloud per test JVM, started on free ports from the template {@code local/template}
 * synthesizes in the same build (so the tests run exactly what {@code cdk deploy} would create) and
 * the handler jar built by {@code functions/handlers}. Tests use their own names, so they can share
 * it.
 *
 * <p>Its HTTP API runs without the stage throttle: these tests are about answers, and under the
 * deployed 50 requests per second the fuzz and flash-sale tests spent most of their time waiting
 * out 429s. {@link StageThrottleIT} checks the throttle itself on a cloud of its own.
 */
final class SharedCloud {

    static final Path REPO =
            Path.of(System.getProperty("orderflow.repo", "../..")).toAbsolutePath().normalize();

    private static LocalCloud cloud;
    private static FakeMailServer mail;

    private SharedCloud() {}

    /**
     * The shared cloud, its notifier sending through the HTTP mail channel to {@link #mail()}
     * rather than to the log, so tests can count what it sent.
     */
    static synchronized LocalCloud get() {
        if (cloud == null) {
            mail = new FakeMailServer();
            cloud =
                    CloudSteps.onFreePorts(template(), handlerJar())
                            .stageThrottle(false)
                            .functionEnvironment("NOTIFIER", "http")
                            .functionEnvironment("MAIL_API_URL", mail.baseUrl())
                            .functionEnvironment("MAIL_API_KEY", FakeMailServer.API_KEY)
                            .start();
            cloud.seedDemoCatalog();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        cloud.close();
                                        mail.close();
                                    }));
        }
        return cloud;
    }

    /** The mail API the shared cloud's notifier sends to. */
    static synchronized FakeMailServer mail() {
        get();
        return mail;
    }

    static Path template() {
        String configured = System.getProperty("orderflow.template");
        if (configured != null) {
            return Path.of(configured);
        }
        Path synthesized =
                REPO.resolve("local/template/target/cdk.out/Orderflow-dev.template.json");
        if (!Files.isRegularFile(synthesized)) {
            throw new IllegalStateException(
                    "the synthesized template is missing at "
                            + synthesized
                            + ": build it with `mvn -B -q package -pl local/template -am -DskipTests`");
        }
        return synthesized;
    }

    static Path handlerJar() {
        Path jar = REPO.resolve("functions/handlers/target/orderflow-handlers.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "the handler jar is missing at "
                            + jar
                            + ": build it first with `mvn -B -q package -pl functions/handlers -am"
                            + " -DskipTests`");
        }
        return jar;
    }
}
