package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.partiql.Pql.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WHERE conditions, assigned values, paths and literals. Precedence as in the Developer Guide's
 * PartiQL pages: OR binds loosest, then AND, NOT, then comparisons, BETWEEN, IN and IS.
 */
final class PqlExprParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> FUNCTIONS =
            Set.of(
                    "begins_with",
                    "contains",
                    "attribute_exists",
                    "attribute_not_exists",
                    "attribute_type",
                    "size",
                    "list_append",
                    "set_add",
                    "set_delete",
                    "if_not_exists");

    private final PqlCursor in;

    PqlExprParser(PqlCursor in) {
        this.in = in;
    }

    Expr condition() {
        Expr left = and();
        while (in.acceptKeyword("OR")) {
            left = new Pql.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.acceptKeyword("AND")) {
            left = new Pql.And(left, not());
        }
        return left;
    }

    private Expr not() {
        if (in.acceptKeyword("NOT")) {
            return new Pql.Not(not());
        }
        return predicate();
    }

    private Expr predicate() {
        if (in.accept("(")) {
            Expr inner = condition();
            in.expect(")");
            return inner;
        }
        Expr left = value();
        PqlToken t = in.peek();
        if (t.kind() == PqlToken.Kind.PUNCT && COMPARISONS.contains(t.text())) {
            in.next();
            String op = t.text().equals("!=") ? "<>" : t.text();
            return new Pql.Compare(op, left, value());
        }
        if (in.acceptKeyword("IS")) {
            boolean negated = in.acceptKeyword("NOT");
            boolean missing = in.acceptKeyword("MISSING");
            if (!missing) {
                in.expectKeyword("NULL");
            }
            if (!(left instanceof Pql.Path path)) {
                throw PartiqlErrors.validation(
                        "The left hand side argument to IS must be a Variable Reference,"
                                + " Literal, or Path");
            }
            return new Pql.Is(path, missing, negated);
        }
        boolean negated = in.acceptKeyword("NOT");
        Expr test;
        if (in.acceptKeyword("BETWEEN")) {
            Expr low = value();
            in.expectKeyword("AND");
            test = new Pql.Between(left, low, value());
        } else if (in.acceptKeyword("IN")) {
            test = new Pql.In(left, candidates());
        } else if (negated) {
            throw in.unexpected();
        } else if (left instanceof Pql.Call) {
            return left;
        } else {
            throw PartiqlErrors.validation(
                    "WHERE clause must contain an expression that resolves to a boolean");
        }
        return negated ? new Pql.Not(test) : test;
    }

    private List<Expr> candidates() {
        String close = in.accept("[") ? "]" : null;
        if (close == null) {
            in.expect("(");
            close = ")";
        }
        List<Expr> out = new ArrayList<>();
        do {
            out.add(value());
        } while (in.accept(","));
        in.expect(close);
        return out;
    }

    /** A value: a term, or terms joined by {@code +} and {@code -}. */
    Expr value() {
        Expr left = term();
        while (in.peek().is("+") || in.peek().is("-")) {
            char op = in.next().text().charAt(0);
            left = new Pql.Arith(op, left, term());
        }
        return left;
    }

    private Expr term() {
        PqlToken t = in.peek();
        if (t.kind() == PqlToken.Kind.IDENT && in.peek(1).is("(") && !PqlCursor.isKeyword(t)) {
            return call();
        }
        if (in.atName()) {
            return path();
        }
        return new Pql.Value(literal());
    }

    private Expr call() {
        String name = in.next().text().toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(name)) {
            throw PartiqlErrors.validation("Unrecognized function: " + name);
        }
        in.expect("(");
        List<Expr> args = new ArrayList<>();
        if (!in.peek().is(")")) {
            do {
                args.add(value());
            } while (in.accept(","));
        }
        in.expect(")");
        return new Pql.Call(name, args);
    }

    Pql.Path path() {
        List<Pql.Step> steps = new ArrayList<>();
        steps.add(new Pql.Name(in.name()));
        while (true) {
            if (in.accept(".")) {
                steps.add(new Pql.Name(in.name()));
            } else if (in.accept("[")) {
                PqlToken t = in.next();
                if (t.kind() == PqlToken.Kind.NUMBER && t.text().matches("\\d+")) {
                    steps.add(new Pql.Index(listIndex(t.text())));
                } else if (t.kind() == PqlToken.Kind.STRING) {
                    steps.add(new Pql.Name(t.text()));
                } else {
                    throw PartiqlErrors.syntax("Unexpected token");
                }
                in.expect("]");
            } else {
                return new Pql.Path(steps);
            }
        }
    }

    private static int listIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw PartiqlErrors.validation(
                    "List index is not within the allowable range; index: [" + digits + "]");
        }
    }

    /** A literal or parameter as a DynamoDB attribute value. */
    ObjectNode literal() {
        PqlToken t = in.next();
        return switch (t.kind()) {
            case PARAM -> in.bind();
            case STRING -> JSON.objectNode().put("S", t.text());
            case NUMBER -> JSON.objectNode().put("N", t.text());
            case PUNCT -> composite(t.text());
            case IDENT -> keywordLiteral(t);
            default ->
                    throw PartiqlErrors.syntax(
                            t.kind() == PqlToken.Kind.EOF
                                    ? "Unexpected end of statement"
                                    : "Unexpected token");
        };
    }

    private ObjectNode keywordLiteral(PqlToken t) {
        String word = t.text().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "TRUE" -> JSON.objectNode().put("BOOL", true);
            case "FALSE" -> JSON.objectNode().put("BOOL", false);
            case "NULL" -> JSON.objectNode().put("NULL", true);
            case "MISSING" ->
                    throw PartiqlErrors.validation("MISSING must be compared using IS operator");
            default ->
                    throw PartiqlErrors.syntax(
                            PqlCursor.isKeyword(t) ? "Unexpected keyword" : "Unexpected token");
        };
    }

    private ObjectNode composite(String open) {
        switch (open) {
            case "-":
                PqlToken n = in.next();
                if (n.kind() != PqlToken.Kind.NUMBER) {
                    throw PartiqlErrors.syntax("Unexpected token");
                }
                return JSON.objectNode().put("N", "-" + n.text());
            case "[":
                ArrayNode list = JSON.arrayNode();
                if (!in.accept("]")) {
                    do {
                        list.add(literal());
                    } while (in.accept(","));
                    in.expect("]");
                }
                return wrap("L", list);
            case "{":
                return tuple();
            case "<<":
                return PqlBags.bag(this, in);
            default:
                throw PartiqlErrors.syntax("Unexpected token");
        }
    }

    /** {@code {'name': value, ...}}: a map, or the item of an INSERT. */
    ObjectNode tuple() {
        ObjectNode map = JSON.objectNode();
        if (!in.accept("}")) {
            do {
                PqlToken key = in.next();
                if (key.kind() != PqlToken.Kind.STRING) {
                    throw PartiqlErrors.syntax("Unexpected token");
                }
                in.expect(":");
                map.set(key.text(), literal());
            } while (in.accept(","));
            in.expect("}");
        }
        return wrap("M", map);
    }

    private static ObjectNode wrap(String type, com.fasterxml.jackson.databind.JsonNode v) {
        ObjectNode o = JSON.objectNode();
        o.set(type, v);
        return o;
    }
}
