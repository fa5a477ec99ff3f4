package dev.orderflow.dynamodb.internal.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens. Comments ({@code --} to the end of the line and {@code /*
 * ... *}{@code /}) are skipped, as DynamoDB skips them; a quote doubled inside a quoted string or
 * name stands for itself.
 */
final class PqlLexer {
    private static final List<String> TWO_CHAR = List.of("<=", ">=", "<>", "!=", "<<", ">>");

    private final String src;
    private int i;

    private PqlLexer(String src) {
        this.src = src;
    }

    static List<PqlToken> tokenize(String src) {
        return new PqlLexer(src).all();
    }

    private List<PqlToken> all() {
        List<PqlToken> out = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (i >= src.length()) {
                out.add(new PqlToken(PqlToken.Kind.EOF, ""));
                return out;
            }
            out.add(next());
        }
    }

    private void skipBlanksAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("--", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end + 1;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                if (end < 0) {
                    throw PartiqlErrors.syntax("Unexpected end of statement");
                }
                i = end + 2;
            } else {
                return;
            }
        }
    }

    private PqlToken next() {
        char c = src.charAt(i);
        if (c == '\'') {
            return new PqlToken(PqlToken.Kind.STRING, quoted('\''));
        }
        if (c == '"') {
            return new PqlToken(PqlToken.Kind.QUOTED, quoted('"'));
        }
        if (c == '?') {
            i++;
            return new PqlToken(PqlToken.Kind.PARAM, "?");
        }
        if (isDigit(c) || (c == '.' && i + 1 < src.length() && isDigit(src.charAt(i + 1)))) {
            return new PqlToken(PqlToken.Kind.NUMBER, number());
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            int start = i;
            while (i < src.length()
                    && (Character.isLetterOrDigit(src.charAt(i))
                            || src.charAt(i) == '_'
                            || src.charAt(i) == '$')) {
                i++;
            }
            return new PqlToken(PqlToken.Kind.IDENT, src.substring(start, i));
        }
        for (String two : TWO_CHAR) {
            if (src.startsWith(two, i)) {
                i += 2;
                return new PqlToken(PqlToken.Kind.PUNCT, two);
            }
        }
        i++;
        return new PqlToken(PqlToken.Kind.PUNCT, String.valueOf(c));
    }

    private String quoted(char quote) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < src.length()) {
            char c = src.charAt(i++);
            if (c != quote) {
                sb.append(c);
            } else if (i < src.length() && src.charAt(i) == quote) {
                sb.append(quote);
                i++;
            } else {
                return sb.toString();
            }
        }
        throw PartiqlErrors.syntax("Unexpected end of statement");
    }

    private String number() {
        int start = i;
        while (i < src.length() && isDigit(src.charAt(i))) {
            i++;
        }
        if (i < src.length() && src.charAt(i) == '.') {
            i++;
            while (i < src.length() && isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int mark = i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && isDigit(src.charAt(i))) {
                while (i < src.length() && isDigit(src.charAt(i))) {
                    i++;
                }
            } else {
                i = mark;
            }
        }
        return src.substring(start, i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
