package dev.orderflow.cloud.internal.lambda.shim;

import java.util.Map;

/**
 * The environment of one Lambda execution environment. Every function class loader defines its own
 * copy of this class (so the static map is per environment), and every {@code System.getenv} call
 * in the function's code is rewritten to call this class instead. This is how functions sharing one
 * JVM each see their own {@code PRODUCTS_TABLE}, {@code AWS_REGION} and {@code AWS_ENDPOINT_URL}.
 */
public final class FunctionEnv {

    private static volatile Map<String, String> values = Map.of();

    private FunctionEnv() {}

    /** Called once by the runtime, before the handler class is initialised. */
    public static void install(Map<String, String> environment) {
        values = Map.copyOf(environment);
    }

    /** Replaces {@link System#getenv(String)}. */
    public static String getenv(String name) {
        return values.get(name);
    }

    /** Replaces {@link System#getenv()}. */
    public static Map<String, String> getenv() {
        return values;
    }
}
