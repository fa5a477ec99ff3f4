package dev.orderflow.infra.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * The stack's settings, read from CDK context ({@code cdk.json} or {@code -c key=value}).
 *
 * @param environmentName {@code env}: names the stack and its resources, e.g. dev, staging, prod
 * @param alarmEmail {@code alarmEmail}: where alarms are mailed, if anywhere
 * @param allowedOrigins {@code allowedOrigins}: comma-separated CORS origins of the web shop
 * @param throttleRatePerSecond {@code throttleRate}: steady requests per second per stage
 * @param throttleBurst {@code throttleBurst}: burst size per stage
 * @param adapters {@code paymentProvider}, {@code paymentSecretName}, {@code warehouse}, {@code
 *     notifier} and {@code mailSecretName}: the simulators or the real systems; a production
 *     environment ({@code env=prod*}) must choose the real ones explicitly, the app refuses to
 *     synthesize it with a simulator
 * @param orderRetentionDays {@code orderRetentionDays}: how many days a finished order stays in the
 *     orders table before TTL moves it to the archive (default {@value
 *     #DEFAULT_ORDER_RETENTION_DAYS})
 */
public record OrderflowConfig(
        String environmentName,
        Optional<String> alarmEmail,
        List<String> allowedOrigins,
        double throttleRatePerSecond,
        int throttleBurst,
        Adapters adapters,
        int orderRetentionDays) {

    /** A year: what a customer typically looks back on, and what the live table keeps. */
    public static final int DEFAULT_ORDER_RETENTION_DAYS = 365;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    public OrderflowConfig {
        if (!NAME.matcher(environmentName).matches()) {
            throw new IllegalArgumentException(
                    "context 'env' must be 1-20 lower-case letters, digits or dashes, got '"
                            + environmentName
                            + "'");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (throttleRatePerSecond <= 0 || throttleBurst <= 0) {
            throw new IllegalArgumentException(
                    "context 'throttleRate' and 'throttleBurst' must be positive");
        }
        if (orderRetentionDays < 1) {
            throw new IllegalArgumentException(
                    "context 'orderRetentionDays' must be at least 1, got " + orderRetentionDays);
        }
        if (isProduction(environmentName)) {
            String simulators = adapters.simulatorsIn(environmentName);
            if (!simulators.isEmpty()) {
                throw new IllegalArgumentException(simulators);
            }
        }
    }

    /** Whether this is a production environment, whose data must survive a stack deletion. */
    public boolean isProduction() {
        return isProduction(environmentName);
    }

    private static boolean isProduction(String environmentName) {
        return environmentName.startsWith("prod");
    }

    /** Reads the CDK context ({@code cdk.json} and {@code -c key=value}). */
    public static OrderflowConfig fromContext(Node node) {
        return new OrderflowConfig(
                text(node, "env").orElse("dev"),
                text(node, "alarmEmail"),
                text(node, "allowedOrigins")
                        .map(
                                v ->
                                        Arrays.stream(v.split(","))
                                                .map(String::trim)
                                                .filter(s -> !s.isEmpty())
                                                .toList())
                        .orElse(List.of()),
                text(node, "throttleRate").map(Double::parseDouble).orElse(50.0),
                text(node, "throttleBurst").map(Integer::parseInt).orElse(100),
                new Adapters(
                        kind(node, "paymentProvider"),
                        text(node, "paymentSecretName"),
                        kind(node, "warehouse"),
                        kind(node, "notifier"),
                        text(node, "mailSecretName")),
                text(node, "orderRetentionDays")
                        .map(Integer::parseInt)
                        .orElse(DEFAULT_ORDER_RETENTION_DAYS));
    }

    private static Adapters.Kind kind(Node node, String key) {
        return text(node, key)
                .map(value -> Adapters.Kind.parse(key, value))
                .orElse(Adapters.Kind.SIMULATED);
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString());
    }
}
