package dev.orderflow.dynamodb.internal.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The syntax trees of expressions seen recently. Applications send the same expression strings over
 * and over with different placeholder values, and the first phase of parsing does not depend on the
 * values, so its tree (immutable, placeholders unresolved) is kept; only expressions that parsed
 * are kept, so every error is still reported on every request.
 */
final class SyntaxCache {
    private static final int MAX_ENTRIES = 4096;
    private static final Map<String, Object> TREES = new ConcurrentHashMap<>();

    private SyntaxCache() {}

    static Object get(String kind, String src, Supplier<Object> parse) {
        String key = kind + '\u0000' + src;
        Object tree = TREES.get(key);
        if (tree == null) {
            tree = parse.get();
            if (TREES.size() >= MAX_ENTRIES) {
                // A crude bound: a workload with more distinct expressions than this re-parses.
                TREES.clear();
            }
            TREES.put(key, tree);
        }
        return tree;
    }
}
