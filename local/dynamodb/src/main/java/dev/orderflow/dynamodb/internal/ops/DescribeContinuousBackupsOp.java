package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;

/** DescribeContinuousBackups: the point-in-time-recovery flag. */
final class DescribeContinuousBackupsOp {
    private final Engine engine;

    DescribeContinuousBackupsOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        return engine.read(
                state -> {
                    Table t = state.tables().get(name);
                    if (t == null) {
                        throw new ApiException(
                                "com.amazonaws.dynamodb.v20120810#TableNotFoundException",
                                "Table not found: " + name,
                                400,
                                false);
                    }
                    return description(t, engine.clock().millis());
                });
    }

    /** The ContinuousBackupsDescription of a table at {@code nowMillis}. */
    static ObjectNode description(Table t, long nowMillis) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode d = out.putObject("ContinuousBackupsDescription");
        d.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode p = d.putObject("PointInTimeRecoveryDescription");
        p.put("PointInTimeRecoveryStatus", t.pointInTimeRecovery() ? "ENABLED" : "DISABLED");
        if (t.pointInTimeRecovery()) {
            double now = nowMillis / 1000.0;
            p.put("EarliestRestorableDateTime", now).put("LatestRestorableDateTime", now);
            p.put("RecoveryPeriodInDays", 35);
        }
        return out;
    }
}
