package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;

/** UpdateTimeToLive: turns a table's TTL on or off for one attribute. */
final class UpdateTimeToLiveOp {
    private final Engine engine;

    UpdateTimeToLiveOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        ObjectNode spec = r.object("TimeToLiveSpecification");
        if (spec == null) {
            throw Req.notNull("TimeToLiveSpecification");
        }
        if (!spec.has("Enabled")) {
            throw Req.notNull("TimeToLiveSpecification.Enabled");
        }
        if (!spec.hasNonNull("AttributeName")) {
            throw Req.notNull("TimeToLiveSpecification.AttributeName");
        }
        boolean enabled = spec.path("Enabled").asBoolean();
        String attr = spec.path("AttributeName").asText();
        return engine.write(
                state -> {
                    Table t = state.namedTable(name);
                    engine.replicaHooks().checkTimeToLive(name);
                    if (enabled && t.ttlAttribute() != null) {
                        throw ApiException.validation("TimeToLive is already enabled");
                    }
                    if (!enabled && t.ttlAttribute() == null) {
                        throw ApiException.validation("TimeToLive is already disabled");
                    }
                    t.ttlAttribute(enabled ? attr : null);
                    state.journalTable(t);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.putObject("TimeToLiveSpecification")
                            .put("Enabled", enabled)
                            .put("AttributeName", attr);
                    return out;
                });
    }
}
