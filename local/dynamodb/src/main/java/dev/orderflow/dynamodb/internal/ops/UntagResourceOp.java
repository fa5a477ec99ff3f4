package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;

/** UntagResource: removes tags from a table. */
final class UntagResourceOp {
    private final Engine engine;

    UntagResourceOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String arn = r.required("ResourceArn");
        JsonNode keys = r.array("TagKeys");
        if (keys == null) {
            throw Req.notNull("TagKeys");
        }
        return engine.write(
                state -> {
                    // UntagResource alone answers a missing table without naming it.
                    Table t =
                            TableArns.find(state, arn).orElseThrow(ApiException::resourceNotFound);
                    keys.forEach(k -> t.tags().remove(k.asText()));
                    state.journalTable(t);
                    return JsonNodeFactory.instance.objectNode();
                });
    }
}
