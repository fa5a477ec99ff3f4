package dev.orderflow.functions.wiring;

import java.util.Optional;

/** Reads the function's configuration from its environment, failing fast when it is incomplete. */
final class Environment {

    private Environment() {}

    static String require(EnvironmentVariable variable) {
        return require(variable.name());
    }

    static String optional(EnvironmentVariable variable, String defaultValue) {
        return optional(variable.name(), defaultValue);
    }

    /** The variable's value, empty when it is unset or blank. */
    static Optional<String> optional(EnvironmentVariable variable) {
        return Optional.ofNullable(System.getenv(variable.name())).filter(v -> !v.isBlank());
    }

    /** The region Lambda runs the function in. */
    static String region() {
        return require("AWS_REGION");
    }

    /** The service name the stack gives every function. */
    static String serviceName() {
        return optional("POWERTOOLS_SERVICE_NAME", "orderflow");
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "environment variable " + name + " is not set; the stack must provide it");
        }
        return value;
    }

    private static String optional(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
