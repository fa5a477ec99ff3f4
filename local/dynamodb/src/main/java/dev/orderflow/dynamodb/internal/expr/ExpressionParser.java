package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser for all five DynamoDB expression kinds. One token of
 * look-ahead is enough for the grammar; a hand-written parser lets every error carry AWS's exact
 * wording ({@code Syntax error; token: "x", near: "a x b"}) without a generator dependency.
 */
public final class ExpressionParser extends TokenCursor {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of(
                    "attribute_exists",
                    "attribute_not_exists",
                    "attribute_type",
                    "begins_with",
                    "contains");
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private int operators;

    /** The first reserved word used as a name; reported once the whole syntax is known good. */
    private String reservedWord;

    /** A check of the update grammar that DynamoDB reports after reserved words. */
    private ApiException deferred;

    private ExpressionParser(String src, String kind) {
        super(src, kind);
    }

    /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
    public static Condition parseCondition(String src, String kind, ExpressionContext ctx) {
        Object syntax =
                SyntaxCache.get(kind, src, () -> new ExpressionParser(src, kind).condition());
        return new ExpressionResolver(ctx, kind).condition((Condition) syntax);
    }

    /** Parses an UpdateExpression. */
    public static UpdateExpression parseUpdate(String src, ExpressionContext ctx) {
        String kind = "UpdateExpression";
        Object syntax = SyntaxCache.get(kind, src, () -> new ExpressionParser(src, kind).update());
        return new ExpressionResolver(ctx, kind).update((UpdateExpression) syntax);
    }

    /** Parses a ProjectionExpression. */
    public static List<Operand.Path> parseProjection(String src, ExpressionContext ctx) {
        String kind = "ProjectionExpression";
        Object syntax =
                SyntaxCache.get(kind, src, () -> new ExpressionParser(src, kind).projection());
        ExpressionResolver resolver = new ExpressionResolver(ctx, kind);
        List<Operand.Path> paths = new ArrayList<>();
        for (Object path : (List<?>) syntax) {
            paths.add(resolver.path((Operand.Path) path));
        }
        PathOverlap.check(paths, kind);
        return paths;
    }

    // ---- the syntax phase of each kind; placeholders stay unresolved ----

    private Condition condition() {
        Condition c = orExpr();
        expectEnd();
        return c;
    }

    private UpdateExpression update() {
        UpdateExpression u = new UpdateSectionParser(this).parse();
        expectEnd();
        return u;
    }

    private List<Operand.Path> projection() {
        List<Operand.Path> paths = new ArrayList<>();
        paths.add(path());
        while (peek().is(",")) {
            pos++;
            paths.add(path());
        }
        expectEnd();
        return List.copyOf(paths);
    }

    // ---- conditions ----

    /** AWS counts comparators, logical operators, BETWEEN, IN and functions; at most 300. */
    void countOperator() {
        if (++operators > 300) {
            throw error("The expression contains too many operators; operator count: " + operators);
        }
    }

    private Condition orExpr() {
        Condition left = andExpr();
        while (peek().isKeyword("OR")) {
            countOperator();
            pos++;
            left = new Condition.Or(left, andExpr());
        }
        return left;
    }

    private Condition andExpr() {
        Condition left = notExpr();
        while (peek().isKeyword("AND")) {
            countOperator();
            pos++;
            left = new Condition.And(left, notExpr());
        }
        return left;
    }

    private Condition notExpr() {
        if (peek().isKeyword("NOT")) {
            countOperator();
            pos++;
            return new Condition.Not(notExpr());
        }
        return predicate();
    }

    private Condition predicate() {
        if (peek().is("(")) {
            return parenthesized();
        }
        if (isFunctionStart()) {
            String fn = peek().text();
            if (CONDITION_FUNCTIONS.contains(fn)) {
                countOperator();
                next(); // the function name, already read by peek()
                List<Operand> args = arguments();
                if (startsComparison(peek())) {
                    throw error(
                            "The function is not allowed to be used this way in an expression;"
                                    + " function: "
                                    + fn);
                }
                return new Condition.Call(fn, args);
            }
        }
        return comparison();
    }

    /**
     * {@code (} opens either a parenthesized condition or a parenthesized operand, as in {@code (a)
     * BETWEEN (b) AND (c)}; the condition is tried first, and of two failures the one that got
     * further is reported.
     */
    private Condition parenthesized() {
        int start = pos;
        try {
            pos++;
            Condition inner = orExpr();
            expect(")");
            return inner;
        } catch (ApiException asCondition) {
            int conditionReach = failedAt;
            pos = start;
            try {
                return comparison();
            } catch (ApiException asOperand) {
                throw failedAt >= conditionReach ? asOperand : asCondition;
            }
        }
    }

    private boolean startsComparison(Token t) {
        return (t.kind() == Token.Kind.PUNCT && Condition.Comparator.of(t.text()) != null)
                || t.isKeyword("BETWEEN")
                || t.isKeyword("IN");
    }

    private Condition comparison() {
        Operand left = operand();
        Token t = peek();
        Condition.Comparator cmp =
                t.kind() == Token.Kind.PUNCT ? Condition.Comparator.of(t.text()) : null;
        if (cmp != null) {
            countOperator();
            pos++;
            return new Condition.Compare(left, cmp, operand());
        }
        if (t.isKeyword("BETWEEN")) {
            countOperator();
            pos++;
            Operand low = operand();
            if (!peek().isKeyword("AND")) {
                throw syntaxError(peek());
            }
            pos++;
            return new Condition.Between(left, low, operand());
        }
        if (t.isKeyword("IN")) {
            countOperator();
            pos++;
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                pos++;
                candidates.add(operand());
            }
            expect(")");
            if (candidates.size() > 100) {
                throw error(
                        "Too many operands for IN operator; the IN operator supports up to 100"
                                + " operands");
            }
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Call call
                && call.function().equals("size")
                && (t.kind() == Token.Kind.EOF || t.is(")") || isLogical(t))) {
            throw error(
                    "The function is not allowed to be used this way in an expression; function: size");
        }
        throw syntaxError(t);
    }

    private static boolean isLogical(Token t) {
        return t.isKeyword("AND") || t.isKeyword("OR");
    }

    /** Parses {@code ( operand, ... )} after a function name. */
    private List<Operand> arguments() {
        expect("(");
        List<Operand> args = new ArrayList<>();
        if (!peek().is(")")) {
            args.add(operand());
            while (peek().is(",")) {
                pos++;
                args.add(operand());
            }
        }
        expect(")");
        return args;
    }

    // ---- operands and paths ----

    /** An operand; placeholders stay unresolved until {@link ExpressionResolver} runs. */
    Operand operand() {
        Token t = peek();
        if (t.kind() == Token.Kind.VALUE_REF) {
            pos++;
            return new Operand.Value(t.text(), null);
        }
        if (t.is("(")) {
            pos++;
            Operand inner = operand();
            expect(")");
            return inner;
        }
        if (isFunctionStart()) {
            String fn = t.text();
            pos++;
            if (fn.equals("size")) {
                return new Operand.Call(fn, arguments());
            }
            if (CONDITION_FUNCTIONS.contains(fn)
                    || fn.equals("if_not_exists")
                    || fn.equals("list_append")) {
                throw error(
                        "The function is not allowed to be used this way in an expression;"
                                + " function: "
                                + fn);
            }
            // The arguments must parse first: a syntax error inside them wins.
            arguments();
            throw error("Invalid function name; function: " + fn);
        }
        return path();
    }

    boolean isFunctionStart() {
        return peek().kind() == Token.Kind.IDENT && tokens.get(pos + 1).is("(");
    }

    Operand.Path path() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new PathElement.Name(pathName()));
        while (true) {
            Token t = peek();
            if (t.is(".")) {
                pos++;
                elements.add(new PathElement.Name(pathName()));
            } else if (t.is("[")) {
                pos++;
                Token num = next();
                if (num.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(num);
                }
                int index;
                try {
                    index = Integer.parseInt(num.text());
                } catch (NumberFormatException e) {
                    throw error(
                            "List index is not within the allowable range; index: " + num.text());
                }
                expect("]");
                elements.add(new PathElement.Index(index));
            } else {
                return new Operand.Path(elements);
            }
        }
    }

    private String pathName() {
        Token t = next();
        if (t.kind() == Token.Kind.NAME_REF) {
            return t.text();
        }
        if (t.kind() == Token.Kind.IDENT
                && !KEYWORDS.contains(t.text().toUpperCase(java.util.Locale.ROOT))) {
            if (reservedWord == null && ReservedWords.contains(t.text())) {
                reservedWord = t.text();
            }
            return t.text();
        }
        throw syntaxError(t);
    }

    /** The end of the input; then the errors DynamoDB reports only for well-formed syntax. */
    private void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntaxError(peek());
        }
        if (reservedWord != null) {
            throw error("Attribute name is a reserved keyword; reserved keyword: " + reservedWord);
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    void deferUntilSyntaxChecked(ApiException e) {
        if (deferred == null) {
            deferred = e;
        }
    }
}
