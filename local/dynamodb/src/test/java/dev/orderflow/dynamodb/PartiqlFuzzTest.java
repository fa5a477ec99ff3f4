package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Random PartiQL statements (valid templates with random tokens swapped in, and token soup) with
 * random parameters: every answer is a 200 or a 400, never a 500.
 */
class PartiqlFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TEMPLATES =
            List.of(
                    "SELECT * FROM tbl WHERE pk = ? AND sk > ?",
                    "SELECT pk, a.b[1], c FROM \"tbl\" WHERE pk IN ['a', 'b'] ORDER BY pk DESC",
                    "SELECT * FROM \"tbl\".\"gix\" WHERE g = ? AND size(a) > 1",
                    "SELECT * FROM tbl WHERE begins_with(pk, 'a') OR NOT c IS MISSING",
                    "INSERT INTO tbl VALUE {'pk': ?, 'sk': ?, 'm': {'x': [1, <<'a'>>]}}",
                    "UPDATE tbl SET a = a + ? SET l = list_append(l, [1]) REMOVE c WHERE pk = ? AND"
                            + " sk = 1 RETURNING ALL NEW *",
                    "UPDATE tbl SET s = set_add(s, <<1, 2>>) WHERE pk = 'a' AND sk = ?",
                    "DELETE FROM tbl WHERE pk = ? AND sk = ? AND a BETWEEN 1 AND 2 RETURNING ALL"
                            + " OLD *",
                    "EXISTS(SELECT * FROM tbl WHERE pk = ? AND sk = 1 AND a = 2)");
    private static final List<String> TOKENS =
            List.of(
                    "SELECT",
                    "*",
                    "FROM",
                    "tbl",
                    "\"tbl\"",
                    ".",
                    "\"gix\"",
                    "WHERE",
                    "pk",
                    "sk",
                    "=",
                    "<",
                    ">=",
                    "<>",
                    "?",
                    "'x'",
                    "1",
                    "-2.5",
                    "1e999",
                    "AND",
                    "OR",
                    "NOT",
                    "(",
                    ")",
                    "[",
                    "]",
                    "{",
                    "}",
                    "<<",
                    ">>",
                    ",",
                    ":",
                    "BETWEEN",
                    "IN",
                    "IS",
                    "MISSING",
                    "NULL",
                    "true",
                    "INSERT",
                    "INTO",
                    "VALUE",
                    "UPDATE",
                    "SET",
                    "REMOVE",
                    "DELETE",
                    "RETURNING",
                    "ALL",
                    "OLD",
                    "NEW",
                    "MODIFIED",
                    "ORDER",
                    "BY",
                    "DESC",
                    "EXISTS",
                    "begins_with",
                    "size",
                    "set_add",
                    "set_delete",
                    "attribute_type",
                    "+",
                    "-",
                    ";",
                    "[99999999999]",
                    "a",
                    "'",
                    "\"",
                    "--",
                    "/*");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomStatements_neverCauseInternalErrors(long seed) throws Exception {
        Random rnd = new Random(seed);
        DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        engine.invoke(
                "DynamoDB_20120810.CreateTable",
                ("{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gix\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}")
                        .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 300; i++) {
            String op =
                    List.of("ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction")
                            .get(rnd.nextInt(3));
            ObjectNode body = F.objectNode();
            if (op.equals("ExecuteStatement")) {
                fill(body, rnd);
                if (rnd.nextInt(4) == 0) {
                    body.put("Limit", rnd.nextInt(3));
                }
                if (rnd.nextInt(6) == 0) {
                    body.put("NextToken", rnd.nextBoolean() ? "eyJzIjoiMCIsInIiOjB9" : "%%");
                }
            } else {
                ArrayNode list =
                        body.putArray(
                                op.equals("ExecuteTransaction")
                                        ? "TransactStatements"
                                        : "Statements");
                for (int s = 0; s < 1 + rnd.nextInt(3); s++) {
                    fill(list.addObject(), rnd);
                }
            }
            DynamoDbEngine.Response r =
                    engine.invoke("DynamoDB_20120810." + op, MAPPER.writeValueAsBytes(body));
            assertThat(r.status())
                    .as(op + " " + body + " -> " + new String(r.body(), StandardCharsets.UTF_8))
                    .isIn(200, 400);
        }
    }

    private static void fill(ObjectNode statement, Random rnd) {
        statement.put("Statement", statement(rnd));
        int params = rnd.nextInt(4);
        if (params > 0) {
            ArrayNode p = statement.putArray("Parameters");
            for (int i = 0; i < params; i++) {
                p.add(value(rnd));
            }
        }
    }

    private static String statement(Random rnd) {
        if (rnd.nextInt(3) == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1 + rnd.nextInt(12); i++) {
                sb.append(TOKENS.get(rnd.nextInt(TOKENS.size()))).append(' ');
            }
            return sb.toString();
        }
        String[] words = TEMPLATES.get(rnd.nextInt(TEMPLATES.size())).split(" ");
        for (int i = 0; i < rnd.nextInt(3); i++) {
            words[rnd.nextInt(words.length)] = TOKENS.get(rnd.nextInt(TOKENS.size()));
        }
        return String.join(" ", words);
    }

    private static ObjectNode value(Random rnd) {
        ObjectNode o = F.objectNode();
        switch (rnd.nextInt(8)) {
            case 0 -> o.put("S", List.of("a", "", "b").get(rnd.nextInt(3)));
            case 1 -> o.put("N", List.of("1", "-0", "1e200", "abc").get(rnd.nextInt(4)));
            case 2 -> o.putArray("SS").add("a").add("a");
            case 3 -> o.putArray("NS");
            case 4 -> o.put("NULL", rnd.nextBoolean());
            case 5 -> o.putObject("M").putObject("k").put("BOOL", true);
            case 6 -> o.putArray("L").addObject().put("S", "x");
            default -> o.put("B", rnd.nextBoolean() ? "AAEC" : "not base64");
        }
        return o;
    }
}
