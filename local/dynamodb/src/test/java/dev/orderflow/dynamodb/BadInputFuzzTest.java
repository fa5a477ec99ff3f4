package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded requests with a known verdict each. Bad ones are a good request with one thing broken (a
 * missing or unknown table, a malformed or mistyped key, a broken or dangling expression, an
 * out-of-range limit, an unknown enum value, a non-object body): each must get the AWS client error
 * DynamoDB answers (400 with that {@code __type}) and change nothing. Good ones, generated apart,
 * must get 200 and do exactly what they say, read back through the engine.
 */
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String NOT_FOUND =
            "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";

    /** A bad request and the error types DynamoDB may answer it with. */
    record Bad(String label, String op, String body, Set<String> types) {}

    private DynamoDbEngine engine;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void badRequests_getTheirAwsClientError_andChangeNothing(long seed) throws Exception {
        Random random = new Random(seed);
        engine = table();
        put("{\"pk\":{\"S\":\"keep\"},\"sk\":{\"N\":\"1\"},\"a\":{\"N\":\"5\"}}");
        String before = scan();
        List<Bad> cases = badCases(random);
        for (int i = 0; i < 300; i++) {
            Bad bad = cases.get(random.nextInt(cases.size()));
            DynamoDbEngine.Response r = call(bad.op(), bad.body());
            String answer = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(r.status())
                    .as(bad.label() + " " + bad.body() + " -> " + answer)
                    .isEqualTo(400);
            assertThat(JSON.readTree(answer).path("__type").asText())
                    .as(bad.label() + " " + bad.body() + " -> " + answer)
                    .isIn(bad.types());
        }
        assertThat(scan()).as("items after the bad requests").isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void goodRequests_succeed_withTheirEffect(long seed) throws Exception {
        Random random = new Random(seed);
        engine = table();
        for (int i = 0; i < 100; i++) {
            String pk = "p" + random.nextInt(5);
            int sk = random.nextInt(5);
            String key = "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"}}";
            int a = random.nextInt(1000) - 500;
            switch (random.nextInt(4)) {
                case 0 -> {
                    put(key.replace("}}", "},\"a\":{\"N\":\"" + a + "\"}}"));
                    assertThat(get(key).at("/Item/a/N").asText()).isEqualTo(Integer.toString(a));
                }
                case 1 -> {
                    ok(
                            "UpdateItem",
                            "{\"TableName\":\"tbl\",\"Key\":"
                                    + key
                                    + ",\"UpdateExpression\":\"SET #b = :v\","
                                    + "\"ExpressionAttributeNames\":{\"#b\":\"b\"},"
                                    + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"v"
                                    + a
                                    + "\"}}}");
                    assertThat(get(key).at("/Item/b/S").asText()).isEqualTo("v" + a);
                }
                case 2 -> {
                    ok("DeleteItem", "{\"TableName\":\"tbl\",\"Key\":" + key + "}");
                    assertThat(get(key).has("Item")).isFalse();
                }
                default -> {
                    JsonNode page =
                            ok(
                                    "Query",
                                    "{\"TableName\":\"tbl\",\"KeyConditionExpression\":\"pk = :p\","
                                            + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\""
                                            + pk
                                            + "\"}}}");
                    JsonNode all = JSON.readTree(scan());
                    long expected = 0;
                    for (JsonNode item : all.path("Items")) {
                        expected += item.at("/pk/S").asText().equals(pk) ? 1 : 0;
                    }
                    assertThat(page.path("Count").asLong()).isEqualTo(expected);
                }
            }
        }
    }

    private static List<Bad> badCases(Random random) {
        String key = "{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"1\"}}";
        String item = "{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"1\"},\"a\":{\"N\":\"1\"}}";
        Set<String> validation = Set.of(VALIDATION);
        Set<String> shape = Set.of(VALIDATION, SERIALIZATION);
        Set<String> notFound = Set.of(NOT_FOUND);
        List<String> badValues =
                List.of(
                        "{\"Q\":\"1\"}",
                        "{\"N\":\"abc\"}",
                        "{\"N\":\"1e200\"}",
                        "{\"BOOL\":\"notabool\"}",
                        "{\"B\":\"!!notbase64\"}",
                        "{\"SS\":[\"a\",\"a\"]}",
                        "{\"SS\":[]}",
                        "{\"S\":\"x\",\"N\":\"1\"}",
                        "{}",
                        "\"plain\"",
                        "7");
        String badValue = badValues.get(random.nextInt(badValues.size()));
        List<String> badUpdates =
                List.of(
                        "((((",
                        "SET",
                        "SET a =",
                        "REMOVE",
                        "SET a = :zz",
                        "SET #zz = :v",
                        "SET pk = :v",
                        "ADD a :v, a :v",
                        "SET a = b + c -");
        String badUpdate = badUpdates.get(random.nextInt(badUpdates.size()));
        int limit = random.nextBoolean() ? 0 : -1;
        return List.of(
                new Bad("table missing", "GetItem", "{\"Key\":" + key + "}", validation),
                new Bad(
                        "no such table",
                        "GetItem",
                        "{\"TableName\":\"nope\",\"Key\":" + key + "}",
                        notFound),
                new Bad(
                        "no such table",
                        "PutItem",
                        "{\"TableName\":\"nope\",\"Item\":" + item + "}",
                        notFound),
                new Bad("table name too short", "Scan", "{\"TableName\":\"x\"}", validation),
                new Bad("table name of wrong type", "Scan", "{\"TableName\":7}", shape),
                new Bad(
                        "key attribute missing",
                        "GetItem",
                        "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"k\"}}}",
                        validation),
                new Bad(
                        "key with an extra attribute",
                        "DeleteItem",
                        "{\"TableName\":\"tbl\",\"Key\":" + item + "}",
                        validation),
                new Bad(
                        "key attribute of wrong type",
                        "GetItem",
                        "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"N\":\"1\"},\"sk\":{\"N\":\"1\"}}}",
                        validation),
                new Bad(
                        "empty string key",
                        "PutItem",
                        "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"\"},\"sk\":{\"N\":\"1\"}}}",
                        validation),
                new Bad(
                        "item without its key",
                        "PutItem",
                        "{\"TableName\":\"tbl\",\"Item\":{\"a\":{\"N\":\"1\"}}}",
                        validation),
                new Bad(
                        "malformed value " + badValue,
                        "PutItem",
                        "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"1\"},\"a\":"
                                + badValue
                                + "}}",
                        shape),
                new Bad(
                        "update " + badUpdate,
                        "UpdateItem",
                        "{\"TableName\":\"tbl\",\"Key\":"
                                + key
                                + ",\"UpdateExpression\":\""
                                + badUpdate
                                + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}",
                        validation),
                new Bad(
                        "unused expression value",
                        "UpdateItem",
                        "{\"TableName\":\"tbl\",\"Key\":"
                                + key
                                + ",\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"},\":w\":{\"N\":\"2\"}}}",
                        validation),
                new Bad(
                        "condition syntax",
                        "PutItem",
                        "{\"TableName\":\"tbl\",\"Item\":"
                                + item
                                + ",\"ConditionExpression\":\"a = \"}",
                        validation),
                new Bad(
                        "condition on a dangling value",
                        "DeleteItem",
                        "{\"TableName\":\"tbl\",\"Key\":"
                                + key
                                + ",\"ConditionExpression\":\"a = :nope\"}",
                        validation),
                new Bad(
                        "query without key condition",
                        "Query",
                        "{\"TableName\":\"tbl\"}",
                        validation),
                new Bad(
                        "query on a non-key attribute",
                        "Query",
                        "{\"TableName\":\"tbl\",\"KeyConditionExpression\":\"a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}",
                        validation),
                new Bad(
                        "no such index",
                        "Query",
                        "{\"TableName\":\"tbl\",\"IndexName\":\"nope\",\"KeyConditionExpression\":\"pk = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"k\"}}}",
                        validation),
                new Bad(
                        "limit " + limit,
                        "Scan",
                        "{\"TableName\":\"tbl\",\"Limit\":" + limit + "}",
                        validation),
                new Bad(
                        "segment without total",
                        "Scan",
                        "{\"TableName\":\"tbl\",\"Segment\":0}",
                        validation),
                new Bad(
                        "segment beyond total",
                        "Scan",
                        "{\"TableName\":\"tbl\",\"Segment\":4,\"TotalSegments\":2}",
                        validation),
                new Bad(
                        "unknown ReturnValues",
                        "PutItem",
                        "{\"TableName\":\"tbl\",\"Item\":" + item + ",\"ReturnValues\":\"NOPE\"}",
                        validation),
                new Bad(
                        "unknown Select",
                        "Scan",
                        "{\"TableName\":\"tbl\",\"Select\":\"NOPE\"}",
                        validation),
                new Bad("empty batch write", "BatchWriteItem", "{\"RequestItems\":{}}", validation),
                new Bad(
                        "batch write with a bad item",
                        "BatchWriteItem",
                        "{\"RequestItems\":{\"tbl\":[{\"PutRequest\":{\"Item\":"
                                + item
                                + "}},{\"PutRequest\":{\"Item\":{\"a\":{\"N\":\"1\"}}}}]}}",
                        validation),
                new Bad(
                        "batch get of a missing table",
                        "BatchGetItem",
                        "{\"RequestItems\":{\"nope\":{\"Keys\":[" + key + "]}}}",
                        notFound),
                new Bad(
                        "transaction with a bad part",
                        "TransactWriteItems",
                        "{\"TransactItems\":[{\"Put\":{\"TableName\":\"tbl\",\"Item\":"
                                + item
                                + "}},{\"Update\":{\"TableName\":\"tbl\",\"Key\":"
                                + key.replace("\"k\"", "\"k2\"")
                                + ",\"UpdateExpression\":\"((((\"}}]}",
                        validation),
                new Bad(
                        "transaction touching one item twice",
                        "TransactWriteItems",
                        "{\"TransactItems\":[{\"Put\":{\"TableName\":\"tbl\",\"Item\":"
                                + item
                                + "}},{\"Delete\":{\"TableName\":\"tbl\",\"Key\":"
                                + key
                                + "}}]}",
                        validation),
                new Bad(
                        "empty transaction",
                        "TransactWriteItems",
                        "{\"TransactItems\":[]}",
                        validation),
                new Bad(
                        "body not an object",
                        "PutItem",
                        List.of("null", "[]", "7", "\"x\"").get(random.nextInt(4)),
                        shape),
                new Bad("body not JSON", "PutItem", "{\"TableName\":", shape),
                new Bad(
                        "field of wrong type",
                        "Scan",
                        "{\"TableName\":\"tbl\",\"Limit\":\"ten\"}",
                        shape));
    }

    private static DynamoDbEngine table() {
        DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        DynamoDbEngine.Response created =
                engine.invoke(
                        "DynamoDB_20120810.CreateTable",
                        ("{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\","
                                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                                        + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                                        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
                                        + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                                        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gix\",\"KeySchema\":"
                                        + "[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(200);
        return engine;
    }

    private DynamoDbEngine.Response call(String op, String body) {
        return engine.invoke("DynamoDB_20120810." + op, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode ok(String op, String body) throws Exception {
        DynamoDbEngine.Response r = call(op, body);
        String answer = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.status()).as(op + " " + body + " -> " + answer).isEqualTo(200);
        return JSON.readTree(answer);
    }

    private void put(String item) throws Exception {
        ok("PutItem", "{\"TableName\":\"tbl\",\"Item\":" + item + "}");
    }

    private JsonNode get(String key) throws Exception {
        return ok("GetItem", "{\"TableName\":\"tbl\",\"Key\":" + key + ",\"ConsistentRead\":true}");
    }

    /** Every item, in the engine's order, as JSON text. */
    private String scan() throws Exception {
        ObjectNode items = JSON.createObjectNode();
        items.set(
                "Items",
                ok("Scan", "{\"TableName\":\"tbl\",\"ConsistentRead\":true}").path("Items"));
        return items.toString();
    }
}
