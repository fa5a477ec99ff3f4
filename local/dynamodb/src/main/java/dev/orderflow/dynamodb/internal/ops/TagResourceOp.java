package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;

/** TagResource: adds or replaces a table's tags (at most 50). */
final class TagResourceOp {
    private final Engine engine;

    TagResourceOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String arn = r.required("ResourceArn");
        JsonNode tags = r.array("Tags");
        if (tags == null) {
            throw Req.notNull("Tags");
        }
        return engine.write(
                state -> {
                    Table t = TableArns.table(state, arn);
                    for (JsonNode tag : tags) {
                        String key = tag.path("Key").asText("");
                        if (key.isEmpty() || key.length() > 128) {
                            throw ApiException.validation("Invalid tag key: " + key);
                        }
                        t.tags().put(key, tag.path("Value").asText(""));
                    }
                    if (t.tags().size() > 50) {
                        throw ApiException.validation(
                                "One or more parameter values were invalid: The number of tags exceeds the limit of 50");
                    }
                    state.journalTable(t);
                    return JsonNodeFactory.instance.objectNode();
                });
    }
}
