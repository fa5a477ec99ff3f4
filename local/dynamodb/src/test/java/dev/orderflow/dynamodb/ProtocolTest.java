package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire protocol checks with a raw HTTP client ("DynamoDB low-level API" and "Error handling with
 * DynamoDB", Developer Guide:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
 */
class ProtocolTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static DynamoDbServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> post(String target, String body, boolean signed)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        if (signed) {
            b.header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc");
            b.header("X-Amz-Date", "20260101T000000Z");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return MAPPER.readTree(r.body());
    }

    @Test
    void request_isRefusedWithMissingAuthenticationToken_whenAuthorizationHeaderAbsent()
            throws Exception {
        HttpResponse<byte[]> r = post("DynamoDB_20120810.ListTables", "{}", false);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("__type").asText())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(json(r).path("message").asText())
                .isEqualTo("Request is missing Authentication Token");
    }

    @Test
    void response_carriesCrc32OfBody_andJsonContentType() throws Exception {
        HttpResponse<byte[]> r = post("DynamoDB_20120810.ListTables", "{}", true);
        assertThat(r.statusCode()).isEqualTo(200);
        CRC32 crc = new CRC32();
        crc.update(r.body());
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void malformedJson_returnsSerializationException() throws Exception {
        HttpResponse<byte[]> r = post("DynamoDB_20120810.ListTables", "{not json", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void unknownOperation_returnsUnknownOperationException() throws Exception {
        HttpResponse<byte[]> r = post("DynamoDB_20120810.FlyToTheMoon", "{}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("__type").asText())
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void missingTarget_returnsUnknownOperationException() throws Exception {
        HttpResponse<byte[]> r = post(null, "{}", true);
        assertThat(json(r).path("__type").asText()).endsWith("#UnknownOperationException");
    }

    @Test
    void unsupportedOperation_returnsClearValidationException() throws Exception {
        HttpResponse<byte[]> r =
                post(
                        "DynamoDB_20120810.CreateBackup",
                        "{\"TableName\":\"tbl\",\"BackupName\":\"b\"}",
                        true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("message").asText())
                .isEqualTo(
                        "The operation CreateBackup is not supported by orderflow-dynamodb-local");
    }

    @Test
    void wrongJsonTypes_returnClientErrorNever500() throws Exception {
        String[] bodies = {
            "[]", "{\"TableName\": 5}", "{\"TableName\":\"abc\",\"Key\":[]}",
                    "{\"TableName\":\"abc\",\"Key\":{\"pk\":{\"S\":1}}}",
            "{\"TableName\":\"abc\",\"Key\":{\"pk\":\"x\"}}",
                    "{\"TableName\":\"abc\",\"Limit\":\"x\"}", "null", ""
        };
        for (String op :
                new String[] {
                    "GetItem",
                    "Query",
                    "Scan",
                    "PutItem",
                    "UpdateItem",
                    "BatchWriteItem",
                    "TransactWriteItems",
                    "CreateTable"
                }) {
            for (String body : bodies) {
                HttpResponse<byte[]> r = post("DynamoDB_20120810." + op, body, true);
                assertThat(r.statusCode())
                        .as(op + " " + body + " -> " + new String(r.body(), StandardCharsets.UTF_8))
                        .isEqualTo(400);
            }
        }
    }
}
