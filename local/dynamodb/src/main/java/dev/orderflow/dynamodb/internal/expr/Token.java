package dev.orderflow.dynamodb.internal.expr;

/** A lexical token with its position in the source expression. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        IDENT,
        NAME_REF,
        VALUE_REF,
        NUMBER,
        PUNCT,
        EOF
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
