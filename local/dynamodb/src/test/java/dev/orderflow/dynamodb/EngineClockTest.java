package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time-dependent behaviour driven by the injected clock, in process. */
class EngineClockTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private DynamoDbEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        engine = DynamoDbEngine.inMemory(clock);
        ok(
                "CreateTable",
                "{\"TableName\":\"tab\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}}");
    }

    private JsonNode call(String op, String body, int status) throws IOException {
        DynamoDbEngine.Response r =
                engine.invoke("DynamoDB_20120810." + op, body.getBytes(StandardCharsets.UTF_8));
        JsonNode json = MAPPER.readTree(r.body());
        assertThat(r.status()).as(json.toString()).isEqualTo(status);
        return json;
    }

    private JsonNode ok(String op, String body) throws IOException {
        return call(op, body, 200);
    }

    private String count() throws IOException {
        return ok("GetItem", "{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"c\"}}}")
                .path("Item")
                .path("n")
                .path("N")
                .asText();
    }

    @Test
    void clientRequestToken_appliesAgain_afterTenMinuteWindow() throws IOException {
        String tx =
                "{\"ClientRequestToken\":\"t\",\"TransactItems\":[{\"Update\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"c\"}},\"UpdateExpression\":\"ADD n :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}}]}";
        ok("TransactWriteItems", tx);
        clock.advance(Duration.ofMinutes(9));
        ok("TransactWriteItems", tx);
        assertThat(count()).isEqualTo("1");
        clock.advance(Duration.ofMinutes(2));
        ok("TransactWriteItems", tx);
        assertThat(count()).isEqualTo("2");
    }

    @Test
    void ttl_ignoresValuesMoreThanFiveYearsInThePast() throws IOException {
        ok(
                "UpdateTimeToLive",
                "{\"TableName\":\"tab\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"exp\"}}");
        long now = clock.instant().getEpochSecond();
        long ancient = now - Duration.ofDays(6 * 365).toSeconds();
        ok(
                "PutItem",
                "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"old\"},\"exp\":{\"N\":\""
                        + ancient
                        + "\"}}}");
        ok(
                "PutItem",
                "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"due\"},\"exp\":{\"N\":\""
                        + now
                        + "\"}}}");
        assertThat(engine.sweepExpiredItems()).isEqualTo(1);
        assertThat(ok("Scan", "{\"TableName\":\"tab\"}").path("Count").asInt()).isEqualTo(1);
    }

    @Test
    void shardIterator_expiresAfterFifteenMinutes() throws IOException {
        String arn =
                ok("DescribeTable", "{\"TableName\":\"tab\"}")
                        .path("Table")
                        .path("LatestStreamArn")
                        .asText();
        JsonNode desc = streams("DescribeStream", "{\"StreamArn\":\"" + arn + "\"}", 200);
        String shard =
                desc.path("StreamDescription").path("Shards").get(0).path("ShardId").asText();
        String it =
                streams(
                                "GetShardIterator",
                                "{\"StreamArn\":\""
                                        + arn
                                        + "\",\"ShardId\":\""
                                        + shard
                                        + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}",
                                200)
                        .path("ShardIterator")
                        .asText();
        clock.advance(Duration.ofMinutes(16));
        JsonNode err = streams("GetRecords", "{\"ShardIterator\":\"" + it + "\"}", 400);
        assertThat(err.path("__type").asText()).endsWith("#ExpiredIteratorException");
    }

    @Test
    void disablingStream_closesShard_andKeepsStreamListed() throws IOException {
        ok("PutItem", "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"x\"}}}");
        String arn =
                ok("DescribeTable", "{\"TableName\":\"tab\"}")
                        .path("Table")
                        .path("LatestStreamArn")
                        .asText();
        ok(
                "UpdateTable",
                "{\"TableName\":\"tab\",\"StreamSpecification\":{\"StreamEnabled\":false}}");
        JsonNode desc =
                streams("DescribeStream", "{\"StreamArn\":\"" + arn + "\"}", 200)
                        .path("StreamDescription");
        assertThat(desc.path("StreamStatus").asText()).isEqualTo("DISABLED");
        assertThat(
                        desc.path("Shards")
                                .get(0)
                                .path("SequenceNumberRange")
                                .has("EndingSequenceNumber"))
                .isTrue();
        ok("PutItem", "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"y\"}}}");
        String it =
                streams(
                                "GetShardIterator",
                                "{\"StreamArn\":\""
                                        + arn
                                        + "\",\"ShardId\":\""
                                        + desc.path("Shards").get(0).path("ShardId").asText()
                                        + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}",
                                200)
                        .path("ShardIterator")
                        .asText();
        JsonNode records = streams("GetRecords", "{\"ShardIterator\":\"" + it + "\"}", 200);
        assertThat(records.path("Records")).hasSize(1);
        assertThat(records.has("NextShardIterator")).isFalse();
    }

    private JsonNode streams(String op, String body, int status) throws IOException {
        DynamoDbEngine.Response r =
                engine.invoke(
                        "DynamoDBStreams_20120810." + op, body.getBytes(StandardCharsets.UTF_8));
        JsonNode json = MAPPER.readTree(r.body());
        assertThat(r.status()).as(json.toString()).isEqualTo(status);
        return json;
    }
}
