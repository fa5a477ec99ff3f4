package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tokens of one expression and a position in them, with the checks DynamoDB makes before any
 * grammar (size, emptiness, redundant parentheses) and its error wording, shared by the parts of
 * the parser.
 */
abstract class TokenCursor {
    /** "Expression parameters" limits, Developer Guide: each expression is at most 4 KB. */
    private static final int MAX_EXPRESSION_BYTES = 4096;

    private final String src;
    private final String kind;
    final List<Token> tokens;
    int pos;

    /** The token index of the last syntax error, to choose between two parse attempts. */
    int failedAt;

    TokenCursor(String src, String kind) {
        this.src = src;
        this.kind = kind;
        int bytes = src.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw error(
                    "Expression size has exceeded the maximum allowed size; expression size: "
                            + bytes);
        }
        this.tokens = Lexer.tokenize(src);
        if (tokens.size() == 1) {
            throw error("The expression can not be empty;");
        }
        if (RedundantParentheses.in(tokens)) {
            throw error("The expression has redundant parentheses;");
        }
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    void expect(String punct) {
        Token t = peek();
        if (!t.is(punct)) {
            throw syntaxError(t);
        }
        pos++;
    }

    /** AWS shows the offending token and the source from the token before to the token after. */
    ApiException syntaxError(Token t) {
        int index = tokens.indexOf(t);
        failedAt = index;
        int from = index > 0 ? tokens.get(index - 1).start() : t.start();
        int to = index + 1 < tokens.size() ? tokens.get(index + 1).end() : t.end();
        return error(
                "Syntax error; token: \""
                        + t.display()
                        + "\", near: \""
                        + src.substring(from, Math.max(from, to))
                        + "\"");
    }

    ApiException error(String message) {
        return ApiException.validation("Invalid " + kind + ": " + message);
    }
}
