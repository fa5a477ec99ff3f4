package dev.orderflow.dynamodb.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; unknown characters become one-character tokens. */
final class Lexer {
    private Lexer() {}

    static List<Token> tokenize(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isNameStart(c)) {
                i++;
                while (i < n && isNamePart(src.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, src.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, src.substring(start, i), start, i));
            } else if ((c == '#' || c == ':') && i + 1 < n && isNamePart(src.charAt(i + 1))) {
                i++;
                while (i < n && isNamePart(src.charAt(i))) {
                    i++;
                }
                Token.Kind kind = c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF;
                out.add(new Token(kind, src.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && src.charAt(i + 1) == '=') {
                i += 2;
                out.add(new Token(Token.Kind.PUNCT, src.substring(start, i), start, i));
            } else if (c == '<' && i + 1 < n && src.charAt(i + 1) == '>') {
                i += 2;
                out.add(new Token(Token.Kind.PUNCT, "<>", start, i));
            } else {
                int cp = src.codePointAt(i);
                i += Character.charCount(cp);
                out.add(new Token(Token.Kind.PUNCT, src.substring(start, i), start, i));
            }
        }
        out.add(new Token(Token.Kind.EOF, "", n, n));
        return out;
    }

    /** An attribute name in an expression starts with a letter (Developer Guide, "Names"). */
    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
