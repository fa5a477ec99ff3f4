package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;

/** DescribeEndpoints: this region's endpoint, as AWS names it. */
final class DescribeEndpointsOp {
    ObjectNode invoke(Req r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("Endpoints")
                .addObject()
                .put("Address", "dynamodb." + Engine.REGION + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return out;
    }
}
