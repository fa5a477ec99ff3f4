package dev.orderflow.states.internal.paths;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for the JSONPath dialect Step Functions accepts. */
final class PathParser {
    private final String text;
    private int pos;

    PathParser(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    int position() {
        return pos;
    }

    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                if (peek(1) == '.') {
                    pos += 2;
                    if (peek(0) == '*') {
                        pos++;
                        out.add(new Segment.DeepScan(null));
                    } else if (peek(0) == '[') {
                        out.add(new Segment.DeepScan(null));
                    } else {
                        out.add(new Segment.DeepScan(identifier()));
                    }
                } else {
                    pos++;
                    if (peek(0) == '*') {
                        pos++;
                        out.add(new Segment.Wildcard());
                    } else {
                        out.add(new Segment.Field(identifier()));
                    }
                }
            } else if (c == '[') {
                pos++;
                out.add(bracket());
            } else {
                break;
            }
        }
        return out;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == '[' || c == ' ' || c == ')' || c == ',' || c == '=' || c == '<'
                    || c == '>' || c == '!' || c == '&' || c == '|') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected a field name");
        }
        return text.substring(start, pos);
    }

    private Segment bracket() {
        skipSpaces();
        char c = peek(0);
        Segment result;
        if (c == '*') {
            pos++;
            result = new Segment.Wildcard();
        } else if (c == '?') {
            pos++;
            skipSpaces();
            expect('(');
            FilterExpr expr = orExpr();
            skipSpaces();
            expect(')');
            result = new Segment.Filter(expr);
        } else if (c == '\'' || c == '"') {
            List<Object> keys = new ArrayList<>();
            keys.add(quoted());
            skipSpaces();
            while (peek(0) == ',') {
                pos++;
                skipSpaces();
                keys.add(quoted());
                skipSpaces();
            }
            result =
                    keys.size() == 1
                            ? new Segment.Field((String) keys.get(0))
                            : new Segment.Union(keys);
        } else {
            result = numeric();
        }
        skipSpaces();
        expect(']');
        return result;
    }

    private Segment numeric() {
        Integer first = optionalInt();
        skipSpaces();
        if (peek(0) == ':') {
            pos++;
            Integer end = optionalInt();
            int step = 1;
            if (peek(0) == ':') {
                pos++;
                Integer s = optionalInt();
                step = s == null ? 1 : s;
            }
            return new Segment.Slice(first, end, step);
        }
        if (first == null) {
            throw error("expected an index");
        }
        if (peek(0) == ',') {
            List<Object> keys = new ArrayList<>();
            keys.add(first);
            while (peek(0) == ',') {
                pos++;
                skipSpaces();
                Integer next = optionalInt();
                if (next == null) {
                    throw error("expected an index");
                }
                keys.add(next);
                skipSpaces();
            }
            return new Segment.Union(keys);
        }
        return new Segment.Index(first);
    }

    private Integer optionalInt() {
        skipSpaces();
        int start = pos;
        if (peek(0) == '-') {
            pos++;
        }
        while (Character.isDigit(peek(0))) {
            pos++;
        }
        if (pos == start || (pos == start + 1 && text.charAt(start) == '-')) {
            pos = start;
            return null;
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private String quoted() {
        char q = peek(0);
        if (q != '\'' && q != '"') {
            throw error("expected a quoted name");
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != q) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        expect(q);
        return sb.toString();
    }

    private FilterExpr orExpr() {
        FilterExpr left = andExpr();
        skipSpaces();
        while (text.startsWith("||", pos)) {
            pos += 2;
            left = new FilterExpr.Or(left, andExpr());
            skipSpaces();
        }
        return left;
    }

    private FilterExpr andExpr() {
        FilterExpr left = unary();
        skipSpaces();
        while (text.startsWith("&&", pos)) {
            pos += 2;
            left = new FilterExpr.And(left, unary());
            skipSpaces();
        }
        return left;
    }

    private FilterExpr unary() {
        skipSpaces();
        if (peek(0) == '!' && peek(1) != '=') {
            pos++;
            return new FilterExpr.Not(unary());
        }
        if (peek(0) == '(') {
            pos++;
            FilterExpr inner = orExpr();
            skipSpaces();
            expect(')');
            return inner;
        }
        FilterExpr.Operand left = operand();
        skipSpaces();
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return new FilterExpr.Compare(left, op, operand());
            }
        }
        return new FilterExpr.Exists(left);
    }

    private FilterExpr.Operand operand() {
        skipSpaces();
        char c = peek(0);
        if (c == '@' || c == '$') {
            pos++;
            return new FilterExpr.PathOperand(c == '@', segments());
        }
        if (c == '\'' || c == '"') {
            return new FilterExpr.Literal(Json.NODES.textNode(quoted()));
        }
        int start = pos;
        while (pos < text.length() && "-+.eE0123456789truefalsn".indexOf(peek(0)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.isEmpty()) {
            throw error("expected a value");
        }
        JsonNode node;
        try {
            node = Json.parse(literal);
        } catch (IllegalArgumentException e) {
            throw error("bad literal " + literal);
        }
        return new FilterExpr.Literal(node);
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void expect(char c) {
        if (peek(0) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + pos + " in " + text);
    }
}
