package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.table.Table;

/** DescribeTable: a table's description, or the last one of a table still DELETING. */
final class DescribeTableOp {
    private final Engine engine;

    DescribeTableOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        return engine.read(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    Engine.DeletingTable gone = state.deletingTables().get(name);
                    if (gone != null && !state.tables().containsKey(name)) {
                        out.set("Table", gone.description());
                        return out;
                    }
                    Table t = state.namedTable(name);
                    ObjectNode table = TableDescriber.describe(t, engine.clock().instant());
                    engine.replicaHooks()
                            .globalTable(name)
                            .ifPresent(g -> TableDescriber.addReplicas(table, g));
                    out.set("Table", table);
                    return out;
                });
    }
}
