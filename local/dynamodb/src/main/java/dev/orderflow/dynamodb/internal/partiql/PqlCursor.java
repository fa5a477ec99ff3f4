package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tokens of one statement with one token of look-ahead, and the parameters to bind. */
final class PqlCursor {
    /** Words that are keywords of the statements DynamoDB runs; a bare name may not be one. */
    private static final Set<String> KEYWORDS =
            Set.of(
                    "SELECT",
                    "FROM",
                    "WHERE",
                    "AND",
                    "OR",
                    "NOT",
                    "BETWEEN",
                    "IN",
                    "IS",
                    "MISSING",
                    "NULL",
                    "TRUE",
                    "FALSE",
                    "INSERT",
                    "INTO",
                    "VALUE",
                    "VALUES",
                    "UPDATE",
                    "SET",
                    "REMOVE",
                    "DELETE",
                    "RETURNING",
                    "ALL",
                    "MODIFIED",
                    "OLD",
                    "NEW",
                    "ORDER",
                    "BY",
                    "ASC",
                    "DESC",
                    "EXISTS",
                    "LIMIT",
                    "GROUP",
                    "HAVING",
                    "AS",
                    "UPSERT",
                    "REPLACE",
                    "OFFSET",
                    "JOIN",
                    "ON",
                    "CREATE",
                    "DROP");

    private final List<PqlToken> tokens;
    private final List<JsonNode> parameters;
    private int pos;
    private int bound;

    PqlCursor(List<PqlToken> tokens, List<JsonNode> parameters) {
        this.tokens = tokens;
        this.parameters = parameters;
    }

    PqlToken peek() {
        return tokens.get(pos);
    }

    PqlToken peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    PqlToken next() {
        PqlToken t = tokens.get(pos);
        if (t.kind() != PqlToken.Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String punct) {
        if (!accept(punct)) {
            throw unexpected();
        }
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected();
        }
    }

    /** A bare or double-quoted name; a bare keyword is DynamoDB's "Unexpected keyword". */
    String name() {
        PqlToken t = peek();
        if (t.kind() == PqlToken.Kind.QUOTED) {
            pos++;
            return t.text();
        }
        if (t.kind() == PqlToken.Kind.IDENT && !isKeyword(t)) {
            pos++;
            return t.text();
        }
        throw unexpected();
    }

    static boolean isKeyword(PqlToken t) {
        return t.kind() == PqlToken.Kind.IDENT
                && KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT));
    }

    boolean atName() {
        PqlToken t = peek();
        return t.kind() == PqlToken.Kind.QUOTED
                || (t.kind() == PqlToken.Kind.IDENT && !isKeyword(t));
    }

    /** The next parameter, in statement order; a missing one is reported after parsing. */
    ObjectNode bind() {
        int index = bound++;
        if (index < parameters.size() && parameters.get(index) instanceof ObjectNode o) {
            return o;
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    int boundCount() {
        return bound;
    }

    ApiException unexpected() {
        PqlToken t = peek();
        if (t.kind() == PqlToken.Kind.EOF) {
            return PartiqlErrors.syntax("Unexpected end of statement");
        }
        if (isKeyword(t)) {
            return PartiqlErrors.syntax("Unexpected keyword");
        }
        return PartiqlErrors.syntax("Unexpected token");
    }
}
