package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.partiql.Pql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one PartiQL statement of DynamoDB's dialect and binds its {@code ?} parameters in order
 * (Developer Guide, "PartiQL - a SQL-compatible query language for Amazon DynamoDB": select,
 * insert, update and delete statements). Syntax errors come first; a parameter count that differs
 * from the statement's is reported after the statement parsed.
 */
final class PqlParser {
    private final PqlCursor in;
    private final PqlExprParser expr;

    private PqlParser(String statement, List<JsonNode> parameters) {
        this.in = new PqlCursor(PqlLexer.tokenize(statement), parameters);
        this.expr = new PqlExprParser(in);
    }

    static Statement parse(String statement, List<JsonNode> parameters) {
        PqlParser p = new PqlParser(statement, parameters);
        Statement s = p.statement();
        if (p.in.boundCount() != parameters.size()) {
            throw PartiqlErrors.parameterCount();
        }
        return s;
    }

    private Statement statement() {
        PqlToken first = in.next();
        String verb = first.kind() == PqlToken.Kind.IDENT ? first.text() : "";
        Statement s =
                switch (verb.toUpperCase(Locale.ROOT)) {
                    case "SELECT" -> select();
                    case "INSERT" -> insert();
                    case "UPDATE" -> update();
                    case "DELETE" -> delete();
                    case "EXISTS" -> exists();
                    default -> throw PartiqlErrors.syntax("Expected data manipulation");
                };
        in.accept(";");
        if (in.peek().isKeyword("LIMIT")) {
            throw PartiqlErrors.validation("Unsupported clause: LIMIT");
        }
        if (in.peek().kind() != PqlToken.Kind.EOF) {
            throw in.unexpected();
        }
        return s;
    }

    private Pql.Select select() {
        List<Pql.Path> projection = new ArrayList<>();
        boolean star = in.accept("*");
        if (!star) {
            do {
                if (in.peek().is("*")) {
                    throw PartiqlErrors.validation(
                            "Other attributes should not be present in the projection when '*'"
                                    + " is used.");
                }
                projection.add(expr.path());
            } while (in.accept(","));
        } else if (in.peek().is(",")) {
            throw PartiqlErrors.validation(
                    "Other attributes should not be present in the projection when '*' is used.");
        }
        in.expectKeyword("FROM");
        String table = in.name();
        String index = in.accept(".") ? in.name() : null;
        Pql.Expr where = in.acceptKeyword("WHERE") ? expr.condition() : null;
        List<Pql.Order> order = new ArrayList<>();
        if (in.acceptKeyword("ORDER")) {
            in.expectKeyword("BY");
            do {
                String attribute = in.name();
                boolean descending = in.acceptKeyword("DESC");
                if (!descending) {
                    in.acceptKeyword("ASC");
                }
                order.add(new Pql.Order(attribute, descending));
            } while (in.accept(","));
        }
        return new Pql.Select(projection, table, index, where, order);
    }

    private Pql.Insert insert() {
        in.expectKeyword("INTO");
        String table = in.name();
        if (in.peek().isKeyword("VALUES")) {
            throw PartiqlErrors.unsupported(
                    "Inserting multiple items in a single statement is not supported, use"
                            + " \"INSERT INTO tableName VALUE item\" instead");
        }
        in.expectKeyword("VALUE");
        if (!in.peek().is("{")) {
            throw PartiqlErrors.validation(
                    "Unsupported format in item expression. Please use struct format {...} to"
                            + " express item values for insert statement.");
        }
        in.next();
        ObjectNode item = (ObjectNode) expr.tuple().get("M");
        if (in.peek().isKeyword("RETURNING")) {
            throw PartiqlErrors.validation("RETURNING is not supported in INSERT");
        }
        return new Pql.Insert(table, item);
    }

    private Pql.Update update() {
        String table = in.name();
        List<Pql.Action> actions = new ArrayList<>();
        while (true) {
            if (in.acceptKeyword("SET")) {
                do {
                    Pql.Path path = expr.path();
                    in.expect("=");
                    actions.add(new Pql.Set(path, expr.value()));
                } while (in.accept(","));
            } else if (in.acceptKeyword("REMOVE")) {
                do {
                    actions.add(new Pql.Remove(expr.path()));
                } while (in.accept(","));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) {
            throw in.unexpected();
        }
        if (!in.acceptKeyword("WHERE")) {
            throw PartiqlErrors.incompleteKey();
        }
        Pql.Expr where = expr.condition();
        return new Pql.Update(table, actions, where, returning());
    }

    private Pql.Delete delete() {
        in.expectKeyword("FROM");
        String table = in.name();
        if (!in.acceptKeyword("WHERE")) {
            throw PartiqlErrors.incompleteKey();
        }
        Pql.Expr where = expr.condition();
        Pql.Returning returning = returning();
        if (returning != null && returning != Pql.Returning.ALL_OLD) {
            throw PartiqlErrors.validation(
                    "Invalid returning clause: RETURNING "
                            + returning.name().replace('_', ' ')
                            + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        return new Pql.Delete(table, where, returning);
    }

    private Pql.Returning returning() {
        if (!in.acceptKeyword("RETURNING")) {
            return null;
        }
        String which = in.acceptKeyword("ALL") ? "ALL" : null;
        if (which == null) {
            in.expectKeyword("MODIFIED");
            which = "MODIFIED";
        }
        String age = in.acceptKeyword("OLD") ? "OLD" : null;
        if (age == null) {
            in.expectKeyword("NEW");
            age = "NEW";
        }
        if (!in.accept("*")) {
            throw PartiqlErrors.validation(
                    "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        return Pql.Returning.valueOf(which + "_" + age);
    }

    private Pql.Exists exists() {
        in.expect("(");
        in.expectKeyword("SELECT");
        Pql.Select select = select();
        in.expect(")");
        return new Pql.Exists(select);
    }
}
