package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;

/** Streams.GetShardIterator: a position in a stream's one shard (see {@link ShardIterator}). */
final class GetShardIteratorOp {
    private final Engine engine;

    GetShardIteratorOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String arn = r.required("StreamArn");
        String shardId = r.required("ShardId");
        String type =
                r.enumValue(
                        "ShardIteratorType",
                        null,
                        "TRIM_HORIZON",
                        "LATEST",
                        "AT_SEQUENCE_NUMBER",
                        "AFTER_SEQUENCE_NUMBER");
        if (type == null) {
            throw Req.notNull("ShardIteratorType");
        }
        String seq = r.string("SequenceNumber");
        return engine.read(
                state -> {
                    StreamLog s = state.stream(arn);
                    if (!s.shardId().equals(shardId)) {
                        throw ApiException.resourceNotFound(
                                "Requested resource not found: Shard does not exist");
                    }
                    long from;
                    switch (type) {
                        case "TRIM_HORIZON" -> from = s.firstSequence();
                        case "LATEST" -> from = s.nextSequence();
                        default -> {
                            if (seq == null) {
                                throw ApiException.validation(
                                        "Must specify a sequence number with AT_SEQUENCE_NUMBER or"
                                                + " AFTER_SEQUENCE_NUMBER");
                            }
                            long n;
                            try {
                                n = Long.parseLong(seq);
                            } catch (NumberFormatException e) {
                                throw ApiException.validation("Invalid SequenceNumber: " + seq);
                            }
                            from = type.equals("AT_SEQUENCE_NUMBER") ? n : n + 1;
                            if (from < s.trimmedBefore()) {
                                throw ApiException.trimmedData(
                                        "Attempted to access data that has been trimmed from the"
                                                + " stream");
                            }
                        }
                    }
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.put(
                            "ShardIterator",
                            new ShardIterator(arn, from, engine.clock().millis()).encode());
                    return out;
                });
    }
}
