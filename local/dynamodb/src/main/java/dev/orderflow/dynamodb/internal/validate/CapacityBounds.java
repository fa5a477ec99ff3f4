package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.math.BigDecimal;

/**
 * DynamoDB's upper bound on provisioned capacity units, which it checks after the member
 * constraints (whose only bound is the lower one) and reports with its own message.
 */
final class CapacityBounds {
    private static final BigDecimal MAX_UNITS = new BigDecimal(1_000_000_000_000L);

    private CapacityBounds() {}

    /** Read units first, then write units, as DynamoDB reports them. */
    static void check(JsonNode throughput) {
        for (String member : new String[] {"ReadCapacityUnits", "WriteCapacityUnits"}) {
            if (exceeded(throughput.get(member))) {
                throw ApiException.validation(
                        "Given value "
                                + throughput.get(member).asText()
                                + " for "
                                + member
                                + " is out of bounds");
            }
        }
    }

    static boolean exceeded(JsonNode units) {
        return units != null && units.isNumber() && units.decimalValue().compareTo(MAX_UNITS) > 0;
    }
}
