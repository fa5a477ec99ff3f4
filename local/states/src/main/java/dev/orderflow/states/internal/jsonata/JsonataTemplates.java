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

    /**
     * Brackets nested deeper than this are refused before the library's recursive parser sees them;
     * no real expression comes close.
     */
    static final int MAX_NESTING = 100;

    /**
     * Operators beyond this are refused too: the parser recurses once per operator of a chain
     * ({@code 1+1+...}) even without brackets.
     */
    static final int MAX_OPERATORS = 1_000;

    private static final String OPERATOR_CHARS = "+-*/%&=<>!?:~.,;";

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
        checkNesting(expression);
        Jsonata compiled;
        try {
            compiled = Jsonata.jsonata(expression);
        } catch (StackOverflowError e) {
            // Long operator chains recurse without brackets (1+1+...): refuse, don't crash.
            throw new IllegalArgumentException("the expression is nested too deeply");
        }
        if (CACHE.size() < 10_000) {
            CACHE.put(expression, compiled);
        }
        return compiled;
    }

    /** Refuses expressions whose parsing would recurse too deeply. */
    private static void checkNesting(String expression) {
        int depth = 0;
        int operators = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    throw new IllegalArgumentException(
                            "the expression nests brackets deeper than " + MAX_NESTING + " levels");
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0 && ++operators > MAX_OPERATORS) {
                throw new IllegalArgumentException(
                        "the expression has more than " + MAX_OPERATORS + " operators");
            }
        }
    }
}
