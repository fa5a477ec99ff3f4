package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;

/** DescribeLimits: the default account and table capacity limits of AWS. */
final class DescribeLimitsOp {
    ObjectNode invoke(Req r) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("AccountMaxReadCapacityUnits", 80000)
                .put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000)
                .put("TableMaxWriteCapacityUnits", 40000);
    }
}
