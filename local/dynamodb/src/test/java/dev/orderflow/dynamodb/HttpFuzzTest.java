package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.protocol.fuzz.FuzzRun;
import dev.orderflow.protocol.fuzz.FuzzTarget;
import dev.orderflow.protocol.fuzz.MalformedRequests;
import dev.orderflow.protocol.fuzz.RawAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded malformed requests over HTTP, four connections at a time: no answer may be a 5xx,
 * every client error must be DynamoDB's (a JSON {@code __type}, or the XML 404 and the 413 that
 * DynamoDB answers at the connection level), no request may go unanswered within the client's
 * timeout, and no connection may be dropped without an answer.
 */
class HttpFuzzTest {
    private static final String TABLE = "fuzz";
    private static final String KEY = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
    private static final String ITEM =
            "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"n\":{\"N\":\"5\"},\"l\":{\"L\":[{\"S\":\"x\"}]},"
                    + "\"m\":{\"M\":{\"k\":{\"BOOL\":true}}},\"b\":{\"B\":\"AAE=\"}}";
    private static final Map<String, String> VALID =
            Map.ofEntries(
                    Map.entry("PutItem", "{\"TableName\":\"fuzz\",\"Item\":" + ITEM + "}"),
                    Map.entry(
                            "GetItem",
                            "{\"TableName\":\"fuzz\",\"Key\":"
                                    + KEY
                                    + ",\"ProjectionExpression\":\"#n, l[0], m.k\","
                                    + "\"ExpressionAttributeNames\":{\"#n\":\"n\"}}"),
                    Map.entry(
                            "UpdateItem",
                            "{\"TableName\":\"fuzz\",\"Key\":"
                                    + KEY
                                    + ",\"UpdateExpression\":\"SET n = n + :one REMOVE l[0]\","
                                    + "\"ConditionExpression\":\"attribute_exists(pk) AND n < :max\","
                                    + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},"
                                    + "\":max\":{\"N\":\"100000\"}},\"ReturnValues\":\"ALL_NEW\"}"),
                    Map.entry("DeleteItem", "{\"TableName\":\"fuzz\",\"Key\":" + KEY + "}"),
                    Map.entry(
                            "Query",
                            "{\"TableName\":\"fuzz\",\"KeyConditionExpression\":\"pk = :p AND sk"
                                    + " BETWEEN :a AND :b\",\"FilterExpression\":\"size(l) > :z\","
                                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},"
                                    + "\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"},\":z\":{\"N\":\"0\"}},"
                                    + "\"Limit\":10,\"ScanIndexForward\":false}"),
                    Map.entry(
                            "Scan",
                            "{\"TableName\":\"fuzz\",\"Segment\":0,\"TotalSegments\":2,"
                                    + "\"Select\":\"COUNT\"}"),
                    Map.entry(
                            "BatchWriteItem",
                            "{\"RequestItems\":{\"fuzz\":[{\"PutRequest\":{\"Item\":"
                                    + ITEM
                                    + "}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"b\"},"
                                    + "\"sk\":{\"N\":\"2\"}}}}]}}"),
                    Map.entry(
                            "BatchGetItem",
                            "{\"RequestItems\":{\"fuzz\":{\"Keys\":[" + KEY + "]}}}"),
                    Map.entry(
                            "TransactWriteItems",
                            "{\"TransactItems\":[{\"Put\":{\"TableName\":\"fuzz\",\"Item\":"
                                    + ITEM
                                    + "}},{\"ConditionCheck\":{\"TableName\":\"fuzz\",\"Key\":"
                                    + "{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"3\"}},"
                                    + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}}],"
                                    + "\"ClientRequestToken\":\"t1\"}"),
                    Map.entry(
                            "TransactGetItems",
                            "{\"TransactItems\":[{\"Get\":{\"TableName\":\"fuzz\",\"Key\":"
                                    + KEY
                                    + "}}]}"),
                    Map.entry(
                            "CreateTable",
                            "{\"TableName\":\"other\",\"KeySchema\":[{\"AttributeName\":\"id\","
                                    + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":"
                                    + "[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                                    + "\"BillingMode\":\"PAY_PER_REQUEST\"}"),
                    Map.entry("DescribeTable", "{\"TableName\":\"fuzz\"}"),
                    Map.entry("ListTables", "{\"Limit\":5}"),
                    Map.entry(
                            "UpdateTimeToLive",
                            "{\"TableName\":\"fuzz\",\"TimeToLiveSpecification\":"
                                    + "{\"Enabled\":true,\"AttributeName\":\"ttl\"}}"));
    private static final List<String> HOSTILE =
            List.of(
                    "(".repeat(5000) + "a" + ")".repeat(5000),
                    "a" + ".b".repeat(20_000),
                    "a" + "[0]".repeat(20_000),
                    "size(".repeat(3000) + "a" + ")".repeat(3000),
                    "a = :v AND ".repeat(2000) + "a = :v",
                    "SET " + "a = :v, ".repeat(3000) + "b = :v",
                    "NOT ".repeat(10_000) + "a = :v",
                    "#n".repeat(10_000));

    @Test
    void malformedRequests_getDynamoDbErrors_neverA5xxTimeoutOrDroppedConnection()
            throws Exception {
        try (DynamoDbServer server = DynamoDbServer.builder().port(0).start()) {
            server.engine()
                    .invoke(
                            "DynamoDB_20120810.CreateTable",
                            ("{\"TableName\":\""
                                            + TABLE
                                            + "\",\"KeySchema\":[{\"AttributeName\":"
                                            + "\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\","
                                            + "\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":["
                                            + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                                            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
                                            + "\"BillingMode\":\"PAY_PER_REQUEST\"}")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            FuzzTarget target =
                    new FuzzTarget(
                            "DynamoDB_20120810", "dynamodb", 16 * 1024 * 1024, VALID, HOSTILE);
            FuzzRun.Report report =
                    new FuzzRun("127.0.0.1", server.port(), 4, 10_000, HttpFuzzTest::dynamoShaped)
                            .run(new MalformedRequests(target, 20261202L).next(10_000));

            System.out.println("DynamoDB HTTP fuzz: " + report.summary());
            assertThat(report.unexpected()).as(report.summary()).isEmpty();
            assertThat(report.timeouts()).as(report.summary()).isEmpty();
            assertThat(report.dropped()).as(report.summary()).isEmpty();
            assertThat(report.awsClientErrors()).isGreaterThan(5_000);
        }
    }

    /** DynamoDB's client errors: JSON with __type, or its connection-level 404 and 413. */
    private static boolean dynamoShaped(RawAnswer answer) {
        return answer.isAwsJsonError()
                || (answer.status() == 404
                        && answer.text().startsWith("<UnknownOperationException/>"))
                || (answer.status() == 413 && answer.body().length == 0);
    }
}
