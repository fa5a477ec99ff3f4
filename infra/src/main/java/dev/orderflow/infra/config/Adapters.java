package dev.orderflow.infra.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which adapters the functions run, from CDK context: the stand-ins for local runs and test stacks
 * (a simulated payment provider and warehouse, notifications written to the log), or the real
 * systems over HTTP. The stack passes the choice to the functions as {@code PAYMENT_PROVIDER},
 * {@code WAREHOUSE} and {@code NOTIFIER}; it never creates or holds a secret, only names existing
 * ones.
 *
 * @param payment {@code paymentProvider}: {@code simulated} (default) or {@code http}
 * @param paymentSecretName {@code paymentSecretName}: the Secrets Manager secret holding the
 *     payment API's {@code {"baseUrl", "apiKey"}}; required with {@code paymentProvider=http}
 * @param warehouse {@code warehouse}: {@code simulated} (default) or {@code http}
 * @param notifier {@code notifier}: {@code simulated} (default: notifications are logged, not sent)
 *     or {@code http} (the transactional-mail API)
 * @param mailSecretName {@code mailSecretName}: the Secrets Manager secret holding the mail API's
 *     {@code {"baseUrl", "apiKey"}}; required with {@code notifier=http}
 */
public record Adapters(
        Kind payment,
        Optional<String> paymentSecretName,
        Kind warehouse,
        Kind notifier,
        Optional<String> mailSecretName) {

    /** What runs behind a port. */
    public enum Kind {
        SIMULATED,
        HTTP;

        /** The value in context and in the functions' environment. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String key, String value) {
            return Arrays.stream(values())
                    .filter(k -> k.value().equals(value))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "context '"
                                                    + key
                                                    + "' must be simulated or http, got '"
                                                    + value
                                                    + "'"));
        }
    }

    /** Secrets Manager's secret-name alphabet, 1 to 512 characters. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

    public Adapters {
        requireSecret(payment, paymentSecretName, "paymentProvider", "paymentSecretName");
        requireSecret(notifier, mailSecretName, "notifier", "mailSecretName");
    }

    private static void requireSecret(
            Kind kind, Optional<String> secretName, String kindKey, String secretKey) {
        if (kind == Kind.HTTP && secretName.isEmpty()) {
            throw new IllegalArgumentException(
                    "context '"
                            + secretKey
                            + "' is required with "
                            + kindKey
                            + "=http: the name of an existing Secrets Manager secret holding"
                            + " {\"baseUrl\":...,\"apiKey\":...}");
        }
        secretName.ifPresent(
                name -> {
                    if (!SECRET_NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException(
                                "context '"
                                        + secretKey
                                        + "' must be a Secrets Manager secret name"
                                        + " (letters, digits and /_+=.@-), got '"
                                        + name
                                        + "'");
                    }
                });
    }

    /** The simulators everywhere: local runs and test stacks. */
    public static Adapters simulated() {
        return new Adapters(
                Kind.SIMULATED, Optional.empty(), Kind.SIMULATED, Kind.SIMULATED, Optional.empty());
    }

    /** The real systems, with the payment and mail secrets' names. */
    public static Adapters http(String paymentSecretName, String mailSecretName) {
        return new Adapters(
                Kind.HTTP,
                Optional.of(paymentSecretName),
                Kind.HTTP,
                Kind.HTTP,
                Optional.of(mailSecretName));
    }

    /** The notifier's channel as the function reads it from {@code NOTIFIER}. */
    public String notifierChannel() {
        return notifier == Kind.HTTP ? "http" : "log";
    }

    /** The context keys a production stack must set to leave the simulators behind. */
    String simulatorsIn(String environmentName) {
        StringBuilder problems = new StringBuilder();
        if (payment == Kind.SIMULATED) {
            problems.append(" -c paymentProvider=http -c paymentSecretName=<secret name>");
        }
        if (warehouse == Kind.SIMULATED) {
            problems.append(" -c warehouse=http");
        }
        if (notifier == Kind.SIMULATED) {
            problems.append(" -c notifier=http -c mailSecretName=<secret name>");
        }
        return problems.length() == 0
                ? ""
                : "env '"
                        + environmentName
                        + "' is a production environment and cannot run simulators"
                        + " (simulated adapters are the default); set"
                        + problems;
    }
}
