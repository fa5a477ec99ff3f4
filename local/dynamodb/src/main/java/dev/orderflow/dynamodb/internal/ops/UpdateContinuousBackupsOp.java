package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.table.Table;

/** UpdateContinuousBackups: the point-in-time-recovery flag (nothing is backed up). */
final class UpdateContinuousBackupsOp {
    private final Engine engine;

    UpdateContinuousBackupsOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        ObjectNode spec = r.object("PointInTimeRecoverySpecification");
        if (spec == null) {
            throw Req.notNull("PointInTimeRecoverySpecification");
        }
        boolean enabled = spec.path("PointInTimeRecoveryEnabled").asBoolean(false);
        return engine.write(
                state -> {
                    Table t = state.table(name);
                    t.pointInTimeRecovery(enabled);
                    state.journalTable(t);
                    return DescribeContinuousBackupsOp.description(t, engine.clock().millis());
                });
    }
}
