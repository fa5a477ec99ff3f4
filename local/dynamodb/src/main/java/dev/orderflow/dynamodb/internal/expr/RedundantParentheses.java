package dev.orderflow.dynamodb.internal.expr;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AWS refuses a parenthesized group whose whole content is another parenthesized group, such as
 * {@code ((a = b))} or {@code ((views))}, before it parses anything else; a function call's own
 * parentheses do not count.
 */
final class RedundantParentheses {
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private RedundantParentheses() {}

    static boolean in(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("(") || !tokens.get(i + 1).is("(")) {
                continue;
            }
            Token before = i > 0 ? tokens.get(i - 1) : null;
            boolean call =
                    before != null
                            && before.kind() == Token.Kind.IDENT
                            && !KEYWORDS.contains(before.text().toUpperCase(Locale.ROOT));
            int close = matching(tokens, i);
            if (!call && close > 0 && matching(tokens, i + 1) == close - 1) {
                return true;
            }
        }
        return false;
    }

    /** The index of the ")" that closes the "(" at {@code open}, or -1. */
    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
