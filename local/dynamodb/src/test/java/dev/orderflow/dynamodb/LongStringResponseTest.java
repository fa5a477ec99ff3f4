package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long plain-ASCII strings are copied into responses without escaping (a GetItem fast path); every
 * string, plain or not, must come back exactly as it was written.
 */
class LongStringResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "DynamoDB_20120810.";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "short",
                "plain",
                "quote\"",
                "backslash\\",
                "newline\n",
                "tab\t",
                "control\u0001",
                "delete\u007f",
                "latin-1 \u00e9",
                "cjk \u4e2d\u6587",
                "emoji \ud83d\ude00",
                "slash / and <html>"
            })
    void getItem_returnsTheStringAsWritten_forShortAndLongStringsWithAnyCharacters(String tail)
            throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC())) {
            call(
                    engine,
                    "CreateTable",
                    "{\"TableName\":\"strings\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
            for (String value :
                    new String[] {tail, "x".repeat(100) + tail, tail + "y".repeat(63)}) {
                ObjectNode put = JSON.createObjectNode().put("TableName", "strings");
                ObjectNode item = put.putObject("Item");
                item.putObject("pk").put("S", "k");
                item.putObject("v").put("S", value);
                item.putObject("l").putArray("L").addObject().put("S", value);
                call(engine, "PutItem", put.toString());

                JsonNode got =
                        call(
                                engine,
                                "GetItem",
                                "{\"TableName\":\"strings\",\"Key\":{\"pk\":{\"S\":\"k\"}}}");

                assertThat(got.at("/Item/v/S").textValue()).isEqualTo(value);
                assertThat(got.at("/Item/l/L/0/S").textValue()).isEqualTo(value);
                assertThat(got.at("/Item/pk/S").textValue()).isEqualTo("k");
            }
        }
    }

    private static JsonNode call(DynamoDbEngine engine, String op, String body) throws Exception {
        DynamoDbEngine.Response r = engine.invoke(P + op, body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
