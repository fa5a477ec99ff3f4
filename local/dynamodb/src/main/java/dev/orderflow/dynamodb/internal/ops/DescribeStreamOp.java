package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.Table;

/** Streams.DescribeStream: a stream and its one shard. */
final class DescribeStreamOp {
    private final Engine engine;

    DescribeStreamOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String arn = r.required("StreamArn");
        return engine.read(
                state -> {
                    StreamLog s = state.stream(arn);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ObjectNode d = out.putObject("StreamDescription");
                    d.put("StreamArn", s.arn()).put("StreamLabel", s.label());
                    d.put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED");
                    d.put("StreamViewType", s.viewType());
                    d.put("CreationRequestDateTime", s.createdAt().toEpochMilli() / 1000.0);
                    d.put("TableName", s.tableName());
                    Table t = state.tables().get(s.tableName());
                    if (t != null) {
                        d.set("KeySchema", TableDescriber.keySchema(t.definition().key()));
                    }
                    ObjectNode shard = d.putArray("Shards").addObject();
                    shard.put("ShardId", s.shardId());
                    ObjectNode range = shard.putObject("SequenceNumberRange");
                    range.put("StartingSequenceNumber", String.format("%021d", s.firstSequence()));
                    if (!s.enabled()) {
                        range.put(
                                "EndingSequenceNumber",
                                String.format("%021d", s.nextSequence() - 1));
                    }
                    return out;
                });
    }
}
