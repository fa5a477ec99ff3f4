package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.List;

/**
 * One key attribute's condition in a Query, in the legacy {@code KeyConditions} form that DynamoDB
 * validates both forms in: a comparison operator ({@code EQ}, {@code LT}, {@code BETWEEN}, {@code
 * BEGINS_WITH}...) and its values.
 */
public record KeyTerm(String operator, List<AttributeValue> values) {
    public KeyTerm {
        values = List.copyOf(values);
    }
}
