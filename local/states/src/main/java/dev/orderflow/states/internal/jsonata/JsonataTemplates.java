package dev.orderflow.states.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises and compiles {@code {% expression %}} strings (AWS docs "Transforming data with
 * JSONata").
 */
public final class JsonataTemplates {
    private static final Map<String, Jsonata> CACHE = new ConcurrentHashMap<>();

    private JsonataTemplates() {}

    /** True when the string is a whole JSONata template. */
    public static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /** The expression text between the delimiters. */
    public static String body(String text) {
        return text.substring(2, text.length() - 2).trim();
    }

    /** Returns a message describing why the template does not compile, or null when it does. */
    public static String compileProblem(String text) {
        if (!isExpression(text)) {
            return "The JSONata expression must start with '{%' and end with '%}': " + text;
        }
        try {
            compile(body(text));
            return null;
        } catch (RuntimeException e) {
            return "The JSONata expression '" + body(text) + "' is invalid: " + e.getMessage();
        }
    }

    /** Compiles (and caches) an expression. */
    static Jsonata compile(String expression) {
        Jsonata cached = CACHE.get(expression);
        if (cached != null) {
            return cached;
        }
        Jsonata compiled = Jsonata.jsonata(expression);
        if (CACHE.size() < 10_000) {
            CACHE.put(expression, compiled);
        }
        return compiled;
    }
}
