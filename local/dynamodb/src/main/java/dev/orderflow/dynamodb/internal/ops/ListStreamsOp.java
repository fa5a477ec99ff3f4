package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.stream.StreamLog;

/** Streams.ListStreams: the streams of all tables or of one, paged by stream ARN. */
final class ListStreamsOp {
    private final Engine engine;

    ListStreamsOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String table = r.string("TableName");
        String start = r.string("ExclusiveStartStreamArn");
        Integer limit = r.integer("Limit");
        int max = limit == null ? 100 : limit;
        return engine.read(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode streams = out.putArray("Streams");
                    boolean started = start == null;
                    String last = null;
                    for (StreamLog s : state.streams().values()) {
                        if (!started) {
                            started = s.arn().equals(start);
                            continue;
                        }
                        if (table != null && !s.tableName().equals(table)) {
                            continue;
                        }
                        if (streams.size() == max) {
                            out.put("LastEvaluatedStreamArn", last);
                            break;
                        }
                        streams.addObject()
                                .put("StreamArn", s.arn())
                                .put("TableName", s.tableName())
                                .put("StreamLabel", s.label());
                        last = s.arn();
                    }
                    return out;
                });
    }
}
