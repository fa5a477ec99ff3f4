package dev.orderflow.dynamodb.internal.partiql;

/** A lexical token of a PartiQL statement. */
record PqlToken(Kind kind, String text) {
    enum Kind {
        /** A bare name or keyword. */
        IDENT,
        /** A name in double quotes (never a keyword). */
        QUOTED,
        /** A string literal in single quotes, unescaped. */
        STRING,
        NUMBER,
        /** {@code ?}, a positional parameter. */
        PARAM,
        PUNCT,
        EOF
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }
}
