package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.stream.StreamRecord;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import java.time.Duration;
import java.util.List;

/** Streams.GetRecords: the records after a shard iterator, and the iterator that follows them. */
final class GetRecordsOp {
    /** As on AWS ("GetShardIterator", DynamoDB Streams API Reference). */
    private static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);

    private final Engine engine;

    GetRecordsOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String iterator = r.required("ShardIterator");
        Integer limit = r.integer("Limit");
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw Req.constraint(
                    limit,
                    "limit",
                    limit < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 1000");
        }
        ShardIterator position = ShardIterator.decode(iterator);
        String arn = position.streamArn();
        long from = position.from();
        long issued = position.issuedMillis();
        if (engine.clock().millis() - issued > ITERATOR_LIFETIME.toMillis()) {
            throw ApiException.expiredIterator(
                    "Iterator expired. The iterator was created at time "
                            + java.time.Instant.ofEpochMilli(issued)
                            + " while right now it is "
                            + engine.clock().instant()
                            + " which is further in the future than the tolerated delay of 900000"
                            + " milliseconds.");
        }
        return engine.read(
                state -> {
                    StreamLog s = state.stream(arn);
                    s.trim(engine.clock().instant());
                    if (from < s.trimmedBefore()) {
                        throw ApiException.trimmedData(
                                "Attempted to access data that has been trimmed from the stream");
                    }
                    List<StreamRecord> records = s.read(from, limit == null ? 1000 : limit);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode arr = out.putArray("Records");
                    for (StreamRecord rec : records) {
                        arr.add(record(rec, s));
                    }
                    long next =
                            records.isEmpty()
                                    ? from
                                    : records.get(records.size() - 1).sequence() + 1;
                    boolean closed = !s.enabled() && next >= s.nextSequence();
                    if (!closed) {
                        out.put(
                                "NextShardIterator",
                                new ShardIterator(arn, next, engine.clock().millis()).encode());
                    }
                    return out;
                });
    }

    private static ObjectNode record(StreamRecord rec, StreamLog s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("eventID", rec.eventId());
        o.put("eventName", rec.eventName());
        o.put("eventVersion", "1.1");
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", Engine.REGION);
        ObjectNode d = o.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", rec.createdAt().getEpochSecond());
        d.set("Keys", AttributeJson.itemNode(rec.keys()));
        if (rec.newImage() != null) {
            d.set("NewImage", AttributeJson.itemNode(rec.newImage()));
        }
        if (rec.oldImage() != null) {
            d.set("OldImage", AttributeJson.itemNode(rec.oldImage()));
        }
        d.put("SequenceNumber", rec.sequenceNumber());
        d.put("SizeBytes", rec.sizeBytes());
        d.put("StreamViewType", s.viewType());
        if (rec.byTtl()) {
            // TTL deletes are made by the service ("TTL and DynamoDB Streams", Developer Guide).
            o.putObject("userIdentity")
                    .put("PrincipalId", "dynamodb.amazonaws.com")
                    .put("Type", "Service");
        }
        return o;
    }
}
