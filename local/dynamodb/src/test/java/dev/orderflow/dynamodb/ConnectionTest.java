package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection and authentication stages, before any operation runs: what DynamoDB answers to
 * other methods, other content types, bodies that are not JSON, missing targets and incomplete
 * signatures. The expected statuses, bodies and CRCs are DynamoDB's observed answers as recorded by
 * the dynalite project (https://github.com/architect/dynalite/blob/main/test/connection.js); the
 * signature rules follow "Signing AWS API requests"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
 */
@ExtendWith(DynamoDbExtension.class)
class ConnectionTest {
    private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
    private static final String SIGNED =
            "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=abc";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static DynamoDbServer server;

    private static HttpResponse<String> send(
            String method, String pathAndQuery, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.endpoint() + pathAndQuery))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertDynamoHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("x-amzn-RequestId"))
                .get()
                .asString()
                .matches("[0-9A-Z]{52}");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    }

    private static void assertNotFound(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("<UnknownOperationException/>\n");
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue("3552371480");
        assertDynamoHeaders(r);
    }

    private static void assertError(
            HttpResponse<String> r, String contentType, String body, long crc32) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc32));
        assertDynamoHeaders(r);
    }

    @Test
    void get_isTheHealthCheck() throws Exception {
        HttpResponse<String> r = send("GET", "/", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
        assertDynamoHeaders(r);
    }

    @Test
    void otherMethods_and_nonJsonContentTypes_are404() throws Exception {
        assertNotFound(send("PUT", "/", null));
        assertNotFound(send("DELETE", "/", null));
        assertNotFound(send("OPTIONS", "/", null));
        assertNotFound(send("POST", "/", "hi"));
        assertNotFound(send("POST", "/", "hi", "Content-Type", "whatever"));
        assertNotFound(send("POST", "/", "hi", "Content-Type", "application/x-amz-json-1.1"));
        assertNotFound(send("POST", "/", "hi", "Content-Type", "application/jsonasdf"));
    }

    @Test
    void bodyThatIsNotJson_isABareSerializationException_inTheRequestsDialect() throws Exception {
        String bare = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";
        assertError(
                send("POST", "/", "hi", "Content-Type", "application/json"),
                "application/json",
                bare,
                3948637019L);
        assertError(
                send("POST", "/", "hi", "Content-Type", "application/x-amz-json-1.0"),
                "application/x-amz-json-1.0",
                bare,
                3948637019L);
        assertError(
                send("POST", "/", "hi", "Content-Type", "  application/json  ;   asfd"),
                "application/json",
                bare,
                3948637019L);
    }

    @Test
    void missingOrWrongTarget_isUnknownOperation_beforeAuthentication() throws Exception {
        String unknown = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";
        assertError(send("POST", "/", null), "application/json", unknown, 1368724161L);
        assertError(
                send("POST", "/", "{}", "Content-Type", "application/json;charset=asfdsaf"),
                "application/json",
                unknown,
                1368724161L);
        assertError(
                send("POST", "/", null, "X-Amz-Target", "DynamoDB_20120810.ListTable"),
                "application/json",
                unknown,
                1368724161L);
    }

    @Test
    void noSignature_isMissingAuthenticationToken() throws Exception {
        String missing =
                "{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                        + "\"message\":\"Request is missing Authentication Token\"}";
        assertError(
                send("POST", "/", null, "X-Amz-Target", LIST_TABLES),
                "application/json",
                missing,
                2088342776L);
        assertError(
                send("POST", "/", null, "X-Amz-Target", LIST_TABLES, "Authorization", "AWS4"),
                "application/json",
                missing,
                2088342776L);
        assertError(
                send(
                        "POST",
                        "/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d",
                        null,
                        "X-Amz-Target",
                        LIST_TABLES),
                "application/json",
                missing,
                2088342776L);
    }

    @Test
    void incompleteSignatures_nameEveryMissingPart() throws Exception {
        HttpResponse<String> header =
                send("POST", "/", null, "X-Amz-Target", LIST_TABLES, "Authorization", "AWS4-");
        assertError(
                header,
                "application/json",
                "{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":"
                        + "\"Authorization header requires 'Credential' parameter. Authorization"
                        + " header requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization header requires existence of"
                        + " either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-\"}",
                1828866742L);
        HttpResponse<String> query =
                send(
                        "POST",
                        "/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d",
                        null,
                        "X-Amz-Target",
                        LIST_TABLES);
        assertError(
                query,
                "application/json",
                "{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":"
                        + "\"AWS query-string parameters must include 'X-Amz-SignedHeaders'."
                        + " Re-examine the query-string parameters.\"}",
                3712057481L);
    }

    @Test
    void bothSignatureForms_isInvalidSignature() throws Exception {
        assertError(
                send(
                        "POST",
                        "/?X-Amz-Algorithm",
                        null,
                        "X-Amz-Target",
                        LIST_TABLES,
                        "Authorization",
                        "X"),
                "application/json",
                "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":"
                        + "\"Found both 'X-Amz-Algorithm' as a query-string param and"
                        + " 'Authorization' as HTTP header.\"}",
                2139606068L);
    }

    @Test
    void completeSignatures_inHeaderOrQuery_areAccepted() throws Exception {
        HttpResponse<String> header =
                send(
                        "POST",
                        "/",
                        "{}",
                        "Content-Type",
                        "application/x-amz-json-1.0",
                        "X-Amz-Target",
                        LIST_TABLES,
                        "Authorization",
                        SIGNED,
                        "X-Amz-Date",
                        "20260101T000000Z");
        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        HttpResponse<String> presigned =
                send(
                        "POST",
                        "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x%2F20260101%2Fus-east-1%2Fdynamodb%2Faws4_request"
                                + "&X-Amz-Signature=abc&X-Amz-SignedHeaders=host&X-Amz-Date=20260101T000000Z",
                        "{}",
                        "Content-Type",
                        "application/x-amz-json-1.0",
                        "X-Amz-Target",
                        LIST_TABLES);
        assertThat(presigned.statusCode()).as(presigned.body()).isEqualTo(200);
    }

    @Test
    void cors_preflightAndOrigin() throws Exception {
        HttpResponse<String> preflight =
                send(
                        "OPTIONS",
                        "/",
                        null,
                        "Origin",
                        "whatever",
                        "Access-Control-Request-Headers",
                        "a, b, c",
                        "Access-Control-Request-Method",
                        "d");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("a, b, c");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("d");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("172800");
        assertThat(preflight.headers().firstValue("Content-Length")).hasValue("0");
        assertDynamoHeaders(preflight);

        HttpResponse<String> post = send("POST", "/", null, "Origin", "whatever");
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(post.body()).contains("UnknownOperationException");
    }

    @Test
    void bodyOver16MiB_is413_andExactly16MiB_isRead() throws Exception {
        char[] big = new char[16 * 1024 * 1024 + 1];
        Arrays.fill(big, 'a');
        HttpResponse<String> over = send("POST", "/", new String(big));
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        HttpResponse<String> limit = send("POST", "/", new String(big, 0, big.length - 1));
        assertThat(limit.statusCode()).isEqualTo(404);
    }
}
