package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams and TTL through the SDK's DynamoDbStreamsClient
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html).
 */
class StreamsAndTtlTest {
    private static final MutableClock CLOCK =
            new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private static DynamoDbServer server;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        server =
                DynamoDbServer.builder()
                        .port(0)
                        .clock(CLOCK)
                        .ttlSweepInterval(Duration.ZERO)
                        .start();
        client = LocalDynamo.client(server.endpoint());
        streams = LocalDynamo.streams(server.endpoint());
    }

    @AfterAll
    static void stop() {
        streams.close();
        client.close();
        server.close();
    }

    private static String streamTable(StreamViewType view) {
        String name = LocalDynamo.tableName("streamed");
        client.createTable(
                b ->
                        b.tableName(name)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(
                                        KeySchemaElement.builder()
                                                .attributeName("pk")
                                                .keyType(KeyType.HASH)
                                                .build())
                                .attributeDefinitions(LocalDynamo.def("pk"))
                                .streamSpecification(
                                        st -> st.streamEnabled(true).streamViewType(view)));
        return name;
    }

    private static List<Record> readAll(String table, ShardIteratorType type) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        var shard =
                streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        String it =
                streams.getShardIterator(
                                b ->
                                        b.streamArn(arn)
                                                .shardId(shard.shardId())
                                                .shardIteratorType(type))
                        .shardIterator();
        return streams.getRecords(b -> b.shardIterator(it)).records();
    }

    @Test
    void getRecords_returnsInsertModifyRemoveInOrder_withNewAndOldImages() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "v", n("1"))));
        client.updateItem(
                b ->
                        b.tableName(table)
                                .key(Map.of("pk", s("a")))
                                .updateExpression("SET v = :two")
                                .expressionAttributeValues(Map.of(":two", n("2"))));
        client.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("a"))));

        List<Record> records = readAll(table, ShardIteratorType.TRIM_HORIZON);

        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().oldImage().get("v").n()).isEqualTo("1");
        assertThat(records.get(1).dynamodb().newImage().get("v").n()).isEqualTo("2");
        assertThat(records.get(2).dynamodb().newImage()).isEmpty();
        assertThat(records.get(0).dynamodb().keys()).containsEntry("pk", s("a"));
        assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted();
        assertThat(records.get(0).eventSource()).isEqualTo("aws:dynamodb");
        assertThat(streams.listStreams(b -> b.tableName(table)).streams()).hasSize(1);
    }

    @Test
    void keysOnlyView_hasNoImages_andLatestIteratorSeesOnlyNewRecords() {
        String table = streamTable(StreamViewType.KEYS_ONLY);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("old"))));
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shardId =
                streams.describeStream(b -> b.streamArn(arn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
        String latest =
                streams.getShardIterator(
                                b ->
                                        b.streamArn(arn)
                                                .shardId(shardId)
                                                .shardIteratorType(ShardIteratorType.LATEST))
                        .shardIterator();
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("new"), "x", n("1"))));

        List<Record> records = streams.getRecords(b -> b.shardIterator(latest)).records();

        assertThat(records)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.dynamodb().keys()).containsEntry("pk", s("new"));
                            assertThat(r.dynamodb().newImage()).isEmpty();
                            assertThat(r.dynamodb().oldImage()).isEmpty();
                        });
    }

    @Test
    void afterSequenceNumber_skipsTheGivenRecord() {
        String table = streamTable(StreamViewType.NEW_IMAGE);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("1"))));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("2"))));
        List<Record> all = readAll(table, ShardIteratorType.TRIM_HORIZON);
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shardId =
                streams.describeStream(b -> b.streamArn(arn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
        String it =
                streams.getShardIterator(
                                b ->
                                        b.streamArn(arn)
                                                .shardId(shardId)
                                                .shardIteratorType(
                                                        ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                                .sequenceNumber(
                                                        all.get(0).dynamodb().sequenceNumber()))
                        .shardIterator();

        assertThat(streams.getRecords(b -> b.shardIterator(it)).records())
                .singleElement()
                .satisfies(r -> assertThat(r.dynamodb().keys().get("pk").s()).isEqualTo("2"));
    }

    @Test
    void ttlSweep_deletesExpiredItems_andStreamShowsServiceIdentity() {
        String table = streamTable(StreamViewType.OLD_IMAGE);
        client.updateTimeToLive(
                b ->
                        b.tableName(table)
                                .timeToLiveSpecification(
                                        t -> t.enabled(true).attributeName("expires")));
        long now = CLOCK.instant().getEpochSecond();
        client.putItem(
                b ->
                        b.tableName(table)
                                .item(
                                        Map.of(
                                                "pk",
                                                s("soon"),
                                                "expires",
                                                n(Long.toString(now + 60)))));
        client.putItem(
                b ->
                        b.tableName(table)
                                .item(
                                        Map.of(
                                                "pk",
                                                s("later"),
                                                "expires",
                                                n(Long.toString(now + 3600)))));
        client.putItem(
                b ->
                        b.tableName(table)
                                .item(Map.of("pk", s("never"), "expires", s("not a number"))));

        assertThat(server.sweepExpiredItems()).isZero();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(server.sweepExpiredItems()).isEqualTo(1);

        assertThat(client.scan(b -> b.tableName(table)).items())
                .extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("later", "never");
        Record removal =
                readAll(table, ShardIteratorType.TRIM_HORIZON).stream()
                        .filter(r -> r.eventName() == OperationType.REMOVE)
                        .findFirst()
                        .orElseThrow();
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(removal.dynamodb().oldImage().get("pk").s()).isEqualTo("soon");
    }

    @Test
    void records_areTrimmedAfter24Hours() {
        String table = streamTable(StreamViewType.NEW_IMAGE);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("old"))));
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shardId =
                streams.describeStream(b -> b.streamArn(arn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
        String seq =
                readAll(table, ShardIteratorType.TRIM_HORIZON).get(0).dynamodb().sequenceNumber();

        CLOCK.advance(Duration.ofHours(25));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("new"))));

        assertThat(readAll(table, ShardIteratorType.TRIM_HORIZON))
                .extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("new");
        assertThatThrownBy(
                        () ->
                                streams.getShardIterator(
                                        b ->
                                                b.streamArn(arn)
                                                        .shardId(shardId)
                                                        .shardIteratorType(
                                                                ShardIteratorType
                                                                        .AT_SEQUENCE_NUMBER)
                                                        .sequenceNumber(seq)))
                .isInstanceOf(TrimmedDataAccessException.class);
    }
}
