package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.table.Table;

/** ListTagsOfResource: a table's tags. */
final class ListTagsOfResourceOp {
    private final Engine engine;

    ListTagsOfResourceOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String arn = r.required("ResourceArn");
        return engine.read(
                state -> {
                    Table t = TableArns.table(state, arn);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode tags = out.putArray("Tags");
                    t.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
                    return out;
                });
    }
}
