package dev.orderflow.states.internal.intrinsics;

import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.paths.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses intrinsic function calls such as {@code States.Format('x {}', $.a)} (AWS docs "Intrinsic
 * functions for JSONPath states").
 */
public final class IntrinsicParser {
    /**
     * Calls nested deeper than this are refused: the parser recurses per level, and no definition
     * needs more (a definition of 1 MB could otherwise nest 80,000 calls and overflow the stack).
     */
    static final int MAX_NESTING = 100;

    private final String text;
    private int pos;
    private int depth;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** True when the text looks like an intrinsic function call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text != null && text.startsWith("States.");
    }

    /**
     * Parses a full call.
     *
     * @throws IllegalArgumentException when the syntax is invalid or the function is unknown
     */
    public static IntrinsicExpr.Call parse(String text) {
        IntrinsicParser p = new IntrinsicParser(text);
        IntrinsicExpr.Call call = p.call();
        p.spaces();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected text after the call in " + text);
        }
        return call;
    }

    private IntrinsicExpr.Call call() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (!IntrinsicFunctions.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown intrinsic function " + name);
        }
        spaces();
        expect('(');
        List<IntrinsicExpr> args = new ArrayList<>();
        spaces();
        if (peek() != ')') {
            args.add(argument());
            spaces();
            while (peek() == ',') {
                pos++;
                spaces();
                args.add(argument());
                spaces();
            }
        }
        expect(')');
        return new IntrinsicExpr.Call(name, args);
    }

    private IntrinsicExpr argument() {
        char c = peek();
        if (c == '\'') {
            return new IntrinsicExpr.Literal(Json.NODES.textNode(string()));
        }
        if (c == '$') {
            int start = pos;
            int depth = 0;
            boolean quoted = false;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '\'') {
                    quoted = !quoted;
                } else if (!quoted && (ch == '[' || ch == '(')) {
                    depth++;
                } else if (!quoted && (ch == ']' || (ch == ')' && depth > 0))) {
                    depth--;
                } else if (!quoted && depth == 0 && (ch == ',' || ch == ')' || ch == ' ')) {
                    break;
                }
                pos++;
            }
            return new IntrinsicExpr.PathArg(JsonPath.parse(text.substring(start, pos)));
        }
        if (text.startsWith("States.", pos)) {
            if (++depth > MAX_NESTING) {
                throw new IllegalArgumentException(
                        "intrinsic functions nested deeper than " + MAX_NESTING + " levels");
            }
            IntrinsicExpr.Call nested = call();
            depth--;
            return nested;
        }
        int start = pos;
        while (pos < text.length() && ",) ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.isEmpty()) {
            throw new IllegalArgumentException(
                    "missing argument at position " + start + " in " + text);
        }
        try {
            return new IntrinsicExpr.Literal(Json.parse(literal));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument '" + literal + "' in " + text, e);
        }
    }

    private String string() {
        expect('\'');
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '\'') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                if (next == '{' || next == '}') {
                    // keep the escape so States.Format can tell literal braces from placeholders
                    sb.append('\\');
                }
                sb.append(next);
            } else {
                sb.append(c);
            }
        }
        expect('\'');
        return sb.toString();
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void spaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException(
                    "expected '" + c + "' at position " + pos + " in " + text);
        }
        pos++;
    }
}
