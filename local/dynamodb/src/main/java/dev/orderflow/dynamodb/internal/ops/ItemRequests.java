package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ConditionEvaluator;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/** Request members and the condition check the item operations share. */
final class ItemRequests {

    private ItemRequests() {}

    static void checkCondition(
            Condition condition, Map<String, AttributeValue> old, String onFail) {
        if (condition != null
                && !ConditionEvaluator.test(condition, old == null ? Map.of() : old)) {
            ApiException e = ApiException.conditionalCheckFailed();
            if (onFail.equals("ALL_OLD") && old != null) {
                e.with("Item", AttributeJson.itemNode(old));
            }
            throw e;
        }
    }

    /** ReturnValues as DynamoDB spells it (default NONE); PutItem and DeleteItem narrow it. */
    static String returnValues(Req r) {
        return r.enumValue(
                "ReturnValues", "NONE", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    }

    static String onConditionFailure(Req r) {
        return r.enumValue("ReturnValuesOnConditionCheckFailure", "NONE", "ALL_OLD", "NONE");
    }

    static String consumedMode(Req r) {
        return r.enumValue("ReturnConsumedCapacity", "NONE", "INDEXES", "TOTAL", "NONE");
    }

    /** An unmodifiable copy that keeps the client's attribute order. */
    static Map<String, AttributeValue> ordered(Map<String, AttributeValue> item) {
        return dev.orderflow.dynamodb.internal.value.CompactItem.copyOf(item);
    }
}
