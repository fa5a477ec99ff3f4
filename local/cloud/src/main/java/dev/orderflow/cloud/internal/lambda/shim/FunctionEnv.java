package dev.orderflow.cloud.internal.lambda.shim;

import java.io.PrintStream;
import java.util.Map;

/**
 * The environment of one Lambda execution environment. Every function class loader defines its own
 * copy of this class (so the static map is per environment), and every {@code System.getenv} call
 * in the function's code is rewritten to call this class instead. This is how functions sharing one
 * JVM each see their own {@code PRODUCTS_TABLE}, {@code AWS_REGION} and {@code AWS_ENDPOINT_URL}.
 * Reads of {@code System.out} and {@code System.err} are rewritten to {@link #out()} and {@link
 * #err()}, so the runtime keeps each invocation's log lines.
 */
public final class FunctionEnv {

    private static volatile Map<String, String> values = Map.of();

    private static volatile PrintStream out = System.out;
    private static volatile PrintStream err = System.err;

    private FunctionEnv() {}

    /** Called once by the runtime, before the handler class is initialised. */
    public static void install(Map<String, String> environment) {
        values = Map.copyOf(environment);
    }

    /** Called once by the runtime with the function's streams, before its classes write. */
    public static void install(
            Map<String, String> environment, PrintStream stdout, PrintStream stderr) {
        values = Map.copyOf(environment);
        out = stdout;
        err = stderr;
    }

    /** Replaces reads of {@link System#out}. */
    public static PrintStream out() {
        return out;
    }

    /** Replaces reads of {@link System#err}. */
    public static PrintStream err() {
        return err;
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
