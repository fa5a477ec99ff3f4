package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed KeyConditionExpression into one {@link KeyTerm} per key attribute, failing with
 * DynamoDB's message for each form a key condition may not take: OR, NOT, IN and {@code <>}, the
 * attribute functions, {@code size}, nested paths, a value on the left of BETWEEN or begins_with,
 * two attributes in one comparison, or two conditions on one key.
 */
public final class KeyConditionForm {
    private static final String INVALID_OPERATOR =
            "Invalid operator used in KeyConditionExpression: ";
    private static final String INVALID_CONDITION = "Invalid condition in KeyConditionExpression: ";

    private KeyConditionForm() {}

    public static Map<String, KeyTerm> of(Condition condition) {
        Map<String, KeyTerm> terms = new LinkedHashMap<>();
        add(condition, terms);
        return terms;
    }

    private static void add(Condition c, Map<String, KeyTerm> terms) {
        if (c instanceof Condition.And and) {
            add(and.left(), terms);
            add(and.right(), terms);
            return;
        }
        if (c instanceof Condition.Or) {
            throw ApiException.validation(INVALID_OPERATOR + "OR");
        }
        if (c instanceof Condition.Not) {
            throw ApiException.validation(INVALID_OPERATOR + "NOT");
        }
        if (c instanceof Condition.In) {
            throw ApiException.validation(INVALID_OPERATOR + "IN");
        }
        if (c instanceof Condition.Compare cmp && cmp.op() == Condition.Comparator.NE) {
            throw ApiException.validation(INVALID_OPERATOR + "<>");
        }
        if (c instanceof Condition.Exists) {
            throw ApiException.validation(INVALID_OPERATOR + "attribute_exists");
        }
        if (c instanceof Condition.NotExists) {
            throw ApiException.validation(INVALID_OPERATOR + "attribute_not_exists");
        }
        if (c instanceof Condition.TypeIs) {
            throw ApiException.validation(INVALID_OPERATOR + "attribute_type");
        }
        if (c instanceof Condition.Contains) {
            throw ApiException.validation(INVALID_OPERATOR + "contains");
        }
        List<Operand> operands = new ArrayList<>();
        String operator;
        if (c instanceof Condition.Between b) {
            requireKeyFirst(b.value(), "BETWEEN");
            operands.add(b.value());
            operands.add(b.low());
            operands.add(b.high());
            operator = "BETWEEN";
        } else if (c instanceof Condition.BeginsWith bw) {
            requireKeyFirst(bw.value(), "begins_with");
            operands.add(bw.value());
            operands.add(bw.prefix());
            operator = "BEGINS_WITH";
        } else {
            Condition.Compare cmp = (Condition.Compare) c;
            operands.add(cmp.left());
            operands.add(cmp.right());
            operator = cmp.op().name();
        }
        term(operator, operands, terms);
    }

    /** A comparison with the key attribute on either side; on the right, the operator flips. */
    private static void term(String operator, List<Operand> operands, Map<String, KeyTerm> terms) {
        String name = null;
        int at = 0;
        for (int i = 0; i < operands.size(); i++) {
            Operand o = operands.get(i);
            if (o instanceof Operand.Path path) {
                if (name != null) {
                    throw ApiException.validation(
                            INVALID_CONDITION + "Multiple attribute names used in one condition");
                }
                if (path.elements().size() > 1) {
                    throw ApiException.validation(
                            "KeyConditionExpressions cannot have conditions on nested attributes");
                }
                name = path.topName();
                at = i;
            } else if (!(o instanceof Operand.Value)) {
                throw ApiException.validation(
                        "KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (name == null) {
            throw ApiException.validation(INVALID_CONDITION + "No key attribute specified");
        }
        if (terms.containsKey(name)) {
            throw ApiException.validation(
                    "KeyConditionExpressions must only contain one condition per key");
        }
        List<dev.orderflow.dynamodb.internal.value.AttributeValue> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            if (i != at) {
                values.add(((Operand.Value) operands.get(i)).value());
            }
        }
        terms.put(name, new KeyTerm(at == 0 ? operator : flipped(operator), values));
    }

    private static void requireKeyFirst(Operand first, String operator) {
        if (!(first instanceof Operand.Path)) {
            throw ApiException.validation(
                    INVALID_CONDITION
                            + operator
                            + " operator must have the key attribute as its first operand");
        }
    }

    private static String flipped(String operator) {
        return switch (operator) {
            case "LT" -> "GT";
            case "LE" -> "GE";
            case "GT" -> "LT";
            case "GE" -> "LE";
            default -> operator;
        };
    }
}
