package dev.orderflow.functions.wiring;

/** Reads the function's configuration from its environment, failing fast when it is incomplete. */
final class Environment {

    private Environment() {}

    static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "environment variable " + name + " is not set; the stack must provide it");
        }
        return value;
    }

    static String optional(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
