package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random requests built from real field names and mutated values: every answer must be a 200
 * or an AWS client error (400), never a 500 (issue requirement "bad input → AWS error").
 */
class BadInputFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> OPS =
            List.of(
                    "PutItem",
                    "GetItem",
                    "UpdateItem",
                    "DeleteItem",
                    "Query",
                    "Scan",
                    "BatchGetItem",
                    "BatchWriteItem",
                    "TransactWriteItems",
                    "TransactGetItems",
                    "CreateTable",
                    "UpdateTable",
                    "DescribeTable",
                    "UpdateTimeToLive",
                    "ListTables",
                    "TagResource",
                    "DeleteTable");
    private static final List<String> FIELDS =
            List.of(
                    "TableName",
                    "Key",
                    "Item",
                    "UpdateExpression",
                    "ConditionExpression",
                    "KeyConditionExpression",
                    "FilterExpression",
                    "ProjectionExpression",
                    "ExpressionAttributeNames",
                    "ExpressionAttributeValues",
                    "ReturnValues",
                    "Limit",
                    "ExclusiveStartKey",
                    "IndexName",
                    "Select",
                    "Segment",
                    "TotalSegments",
                    "RequestItems",
                    "TransactItems",
                    "KeySchema",
                    "AttributeDefinitions",
                    "GlobalSecondaryIndexes",
                    "BillingMode",
                    "StreamSpecification",
                    "TimeToLiveSpecification",
                    "ClientRequestToken",
                    "ScanIndexForward");
    private static final List<String> EXPRESSIONS =
            List.of(
                    "pk = :v",
                    "SET a = :v",
                    "a.b[1] = :v",
                    "begins_with(sk, :v)",
                    "#n = :v AND NOT (x < :v)",
                    "REMOVE a[0]",
                    "ADD c :v",
                    "a BETWEEN :v AND :w",
                    "size(a) > :v",
                    "x IN (:v, :w)",
                    "((((",
                    "SET",
                    ":v",
                    "#",
                    "a[99999999999]",
                    "attribute_type(a, :v)",
                    "contains(a, :v)",
                    "DELETE s :v",
                    "SET a = list_append(a, :v)",
                    "SET a = b + c - d");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomRequests_neverCauseInternalErrors(long seed) throws Exception {
        Random rnd = new Random(seed);
        DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        engine.invoke(
                "DynamoDB_20120810.CreateTable",
                ("{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gix\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 400; i++) {
            String op = OPS.get(rnd.nextInt(OPS.size()));
            ObjectNode body = F.objectNode();
            int fields = rnd.nextInt(6);
            body.put("TableName", rnd.nextInt(5) == 0 ? "x" : "tbl");
            for (int f = 0; f < fields; f++) {
                body.set(FIELDS.get(rnd.nextInt(FIELDS.size())), value(rnd, 0));
            }
            byte[] bytes = MAPPER.writeValueAsBytes(body);
            DynamoDbEngine.Response r = engine.invoke("DynamoDB_20120810." + op, bytes);
            assertThat(r.status())
                    .as(op + " " + body + " -> " + new String(r.body(), StandardCharsets.UTF_8))
                    .isIn(200, 400);
        }
    }

    private static JsonNode value(Random rnd, int depth) {
        switch (rnd.nextInt(depth > 2 ? 6 : 10)) {
            case 0:
                return F.textNode(EXPRESSIONS.get(rnd.nextInt(EXPRESSIONS.size())));
            case 1:
                return F.numberNode(rnd.nextInt(7) - 2);
            case 2:
                return F.booleanNode(rnd.nextBoolean());
            case 3:
                return F.nullNode();
            case 4:
                return F.textNode(
                        List.of("S", "N", "ALL_OLD", "COUNT", "HASH", "pk", "", "1e999", "gix")
                                .get(rnd.nextInt(9)));
            case 5:
                return attribute(rnd);
            case 6:
            case 7:
                {
                    ObjectNode o = F.objectNode();
                    int n = rnd.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        String key =
                                List.of(
                                                "pk",
                                                "sk",
                                                ":v",
                                                ":w",
                                                "#n",
                                                "g",
                                                "tbl",
                                                "Put",
                                                "Update",
                                                "Key",
                                                "Item",
                                                "AttributeName",
                                                "KeyType")
                                        .get(rnd.nextInt(13));
                        o.set(key, rnd.nextBoolean() ? attribute(rnd) : value(rnd, depth + 1));
                    }
                    return o;
                }
            default:
                {
                    ArrayNode a = F.arrayNode();
                    int n = rnd.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        a.add(value(rnd, depth + 1));
                    }
                    return a;
                }
        }
    }

    private static JsonNode attribute(Random rnd) {
        ObjectNode o = F.objectNode();
        switch (rnd.nextInt(8)) {
            case 0 -> o.put("S", rnd.nextBoolean() ? "" : "v" + rnd.nextInt(3));
            case 1 -> o.put("N", List.of("1", "-0", "1e200", "abc", "0.000").get(rnd.nextInt(5)));
            case 2 -> o.putArray("SS").add("a").add(rnd.nextBoolean() ? "a" : "b");
            case 3 -> o.putArray("L").addObject().put("N", "2");
            case 4 -> o.put("BOOL", "notabool");
            case 5 -> o.put("B", "!!notbase64");
            case 6 -> o.putObject("M").putObject("x").put("NULL", rnd.nextBoolean());
            default -> o.put("Q", 1);
        }
        return o;
    }
}
