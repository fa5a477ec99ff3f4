package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.stream.StreamRecord;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords). Each stream
 * has a single shard; shard iterators expire after 15 minutes as in AWS.
 */
final class StreamOps {
    private static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Engine engine;

    StreamOps(Engine engine) {
        this.engine = engine;
    }

    void register() {
        engine.register("Streams.ListStreams", this::listStreams);
        engine.register("Streams.DescribeStream", this::describeStream);
        engine.register("Streams.GetShardIterator", this::getShardIterator);
        engine.register("Streams.GetRecords", this::getRecords);
    }

    ObjectNode listStreams(Req r) {
        String table = r.string("TableName");
        String start = r.string("ExclusiveStartStreamArn");
        Integer limit = r.integer("Limit");
        int max = limit == null ? 100 : limit;
        return engine.read(
                () -> {
                    ObjectNode out = F.objectNode();
                    ArrayNode streams = out.putArray("Streams");
                    boolean started = start == null;
                    String last = null;
                    for (StreamLog s : engine.streams().values()) {
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

    private StreamLog stream(String arn) {
        StreamLog s = engine.streams().get(arn);
        if (s == null) {
            throw ApiException.resourceNotFound(
                    "Requested resource not found: Stream: " + arn + " not found");
        }
        return s;
    }

    ObjectNode describeStream(Req r) {
        String arn = r.required("StreamArn");
        return engine.read(
                () -> {
                    StreamLog s = stream(arn);
                    ObjectNode out = F.objectNode();
                    ObjectNode d = out.putObject("StreamDescription");
                    d.put("StreamArn", s.arn()).put("StreamLabel", s.label());
                    d.put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED");
                    d.put("StreamViewType", s.viewType());
                    d.put("CreationRequestDateTime", s.createdAt().toEpochMilli() / 1000.0);
                    d.put("TableName", s.tableName());
                    Table t = engine.tables().get(s.tableName());
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

    ObjectNode getShardIterator(Req r) {
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
                () -> {
                    StreamLog s = stream(arn);
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
                    ObjectNode out = F.objectNode();
                    out.put("ShardIterator", iterator(arn, from));
                    return out;
                });
    }

    private String iterator(String arn, long from) {
        String raw = arn + "|" + from + "|" + engine.clock().millis();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode getRecords(Req r) {
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
        String[] parts;
        try {
            parts =
                    new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8)
                            .split("\\|");
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Invalid ShardIterator");
        }
        if (parts.length != 3) {
            throw ApiException.validation("Invalid ShardIterator");
        }
        String arn = parts[0];
        long from;
        long issued;
        try {
            from = Long.parseLong(parts[1]);
            issued = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid ShardIterator");
        }
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
                () -> {
                    StreamLog s = stream(arn);
                    s.trim(engine.clock().instant());
                    if (from < s.trimmedBefore()) {
                        throw ApiException.trimmedData(
                                "Attempted to access data that has been trimmed from the stream");
                    }
                    List<StreamRecord> records = s.read(from, limit == null ? 1000 : limit);
                    ObjectNode out = F.objectNode();
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
                        out.put("NextShardIterator", iterator(arn, next));
                    }
                    return out;
                });
    }

    private static ObjectNode record(StreamRecord rec, StreamLog s) {
        ObjectNode o = F.objectNode();
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
