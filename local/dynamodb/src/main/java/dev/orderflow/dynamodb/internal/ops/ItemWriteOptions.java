package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;

/**
 * The request members PutItem and DeleteItem share, read and validated in the order DynamoDB
 * reports their errors: ReturnValues (only NONE or ALL_OLD), the condition-failure return, the
 * capacity mode, then the condition (an expression or legacy {@code Expected}).
 */
record ItemWriteOptions(String returnValues, String onFail, String consumed, Condition condition) {

    static ItemWriteOptions of(Req r) {
        String returnValues = ItemRequests.returnValues(r);
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        String onFail = ItemRequests.onConditionFailure(r);
        String consumed = ItemRequests.consumedMode(r);
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition =
                conditionText == null
                        ? LegacyConditions.expected(r)
                        : r.condition("ConditionExpression", ctx);
        ctx.checkAllUsed();
        return new ItemWriteOptions(returnValues, onFail, consumed, condition);
    }

    boolean returnsOld() {
        return returnValues.equals("ALL_OLD");
    }
}
