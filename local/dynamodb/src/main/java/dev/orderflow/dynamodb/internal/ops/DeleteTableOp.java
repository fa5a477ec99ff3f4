package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;

/**
 * DeleteTable: removes a table (shown as DELETING for the engine's lifecycle delay) and disables
 * its stream.
 */
final class DeleteTableOp {
    private final Engine engine;

    DeleteTableOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        return engine.write(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    Engine.DeletingTable gone = state.deletingTables().get(name);
                    if (gone != null && !state.tables().containsKey(name)) {
                        // Deleting a table that is already DELETING is not an error.
                        out.set("TableDescription", gone.description());
                        return out;
                    }
                    Table t = state.namedTable(name);
                    TableChanges.refuseWhileChanging(t, name, engine.clock().instant());
                    if (t.definition().deletionProtection()) {
                        throw ApiException.validation(
                                "Resource cannot be deleted as it is currently protected against"
                                        + " deletion. Disable deletion protection first.");
                    }
                    ObjectNode description =
                            TableDescriber.describe(t, "DELETING", engine.clock().instant());
                    out.set("TableDescription", description);
                    state.removeTable(name);
                    engine.lifecycleDeadline()
                            .ifPresent(
                                    until ->
                                            state.markDeleting(
                                                    name,
                                                    new Engine.DeletingTable(description, until)));
                    if (t.stream() != null) {
                        t.stream().disable();
                    }
                    state.journalDrop(name);
                    return out;
                });
    }
}
