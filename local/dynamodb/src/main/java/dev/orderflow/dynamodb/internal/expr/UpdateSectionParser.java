package dev.orderflow.dynamodb.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The update-expression part of the parser: sections and SET value operands. */
final class UpdateSectionParser {
    private final ExpressionParser p;

    UpdateSectionParser(ExpressionParser p) {
        this.p = p;
    }

    UpdateExpression parse() {
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Operand.Path> removes = new ArrayList<>();
        List<UpdateExpression.AddAction> adds = new ArrayList<>();
        List<UpdateExpression.AddAction> deletes = new ArrayList<>();
        Set<String> seen = new java.util.LinkedHashSet<>();
        do {
            Token t = p.peek();
            String section = t.kind() == Token.Kind.IDENT ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) {
                throw p.syntaxError(t);
            }
            p.next();
            if (!seen.add(section)) {
                p.deferUntilSyntaxChecked(
                        p.error(
                                "The \""
                                        + section
                                        + "\" section can only be used once in an update"
                                        + " expression;"));
            }
            do {
                switch (section) {
                    case "SET" -> sets.add(setAction());
                    case "REMOVE" -> removes.add(p.path());
                    case "ADD" -> adds.add(addAction());
                    default -> deletes.add(addAction());
                }
            } while (comma());
        } while (p.peek().kind() != Token.Kind.EOF);
        return new UpdateExpression(sets, removes, adds, deletes, List.copyOf(seen));
    }

    private boolean comma() {
        if (p.peek().is(",")) {
            p.next();
            return true;
        }
        return false;
    }

    private UpdateExpression.SetAction setAction() {
        Operand.Path path = p.path();
        p.expect("=");
        return new UpdateExpression.SetAction(path, setValue());
    }

    /** {@code operand}, or {@code operand + operand} / {@code operand - operand}. */
    private Operand setValue() {
        Operand first = setTerm();
        Token t = p.peek();
        if (t.is("+") || t.is("-")) {
            p.next();
            return new Operand.Arithmetic(first, t.is("+"), setTerm());
        }
        return first;
    }

    /** An operand, or a parenthesized value such as {@code (a + b)} or {@code (c[1])}. */
    private Operand setTerm() {
        if (p.peek().is("(")) {
            p.next();
            Operand inner = setValue();
            p.expect(")");
            return inner;
        }
        return setOperand();
    }

    private Operand setOperand() {
        Token t = p.peek();
        if (t.kind() == Token.Kind.IDENT
                && Set.of("SET", "REMOVE", "ADD", "DELETE")
                        .contains(t.text().toUpperCase(Locale.ROOT))) {
            throw p.syntaxError(t);
        }
        if (p.isFunctionStart()) {
            String fn = t.text();
            if (fn.equals("if_not_exists") || fn.equals("list_append")) {
                p.next();
                List<Operand> args = new ArrayList<>();
                p.expect("(");
                args.add(setOperand());
                while (comma()) {
                    args.add(setOperand());
                }
                p.expect(")");
                return new Operand.Call(fn, args);
            }
            if (fn.equals("size")
                    || fn.equals("attribute_exists")
                    || fn.equals("attribute_not_exists")
                    || fn.equals("attribute_type")
                    || fn.equals("begins_with")
                    || fn.equals("contains")) {
                throw p.error(
                        "The function is not allowed in an update expression; function: " + fn);
            }
            // The arguments must parse first: a syntax error inside them wins.
            p.next();
            p.expect("(");
            setOperand();
            while (comma()) {
                setOperand();
            }
            p.expect(")");
            throw p.error("Invalid function name; function: " + fn);
        }
        return p.operand();
    }

    private UpdateExpression.AddAction addAction() {
        Operand.Path path = p.path();
        Token t = p.peek();
        if (t.kind() != Token.Kind.VALUE_REF) {
            throw p.syntaxError(t);
        }
        Operand o = p.operand();
        return new UpdateExpression.AddAction(path, (Operand.Value) o);
    }
}
