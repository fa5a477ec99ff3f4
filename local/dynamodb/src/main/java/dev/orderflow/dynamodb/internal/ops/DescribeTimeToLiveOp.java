package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.table.Table;

/** DescribeTimeToLive: a table's TTL status and attribute. */
final class DescribeTimeToLiveOp {
    private final Engine engine;

    DescribeTimeToLiveOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        return engine.read(
                state -> {
                    Table t = state.namedTable(name);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ObjectNode d = out.putObject("TimeToLiveDescription");
                    if (t.ttlAttribute() == null) {
                        d.put("TimeToLiveStatus", "DISABLED");
                    } else {
                        d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", t.ttlAttribute());
                    }
                    return out;
                });
    }
}
