package dev.orderflow.cloud.internal.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls an AWS JSON-protocol service (DynamoDB, SQS, Step Functions) of the local cloud over
 * loopback, the same wire format SDK clients use, so provisioning goes through the engines' public
 * API only.
 */
public final class AwsJsonClient {
    /** SigV4's timestamp format; DynamoDB refuses a signed request without one. */
    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(java.time.ZoneOffset.UTC);

    private final HttpClient http;
    private final URI endpoint;
    private final String targetPrefix;
    private final String contentType;
    private final String service;

    public AwsJsonClient(URI endpoint, String targetPrefix, String contentType, String service) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.endpoint = endpoint;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.service = service;
    }

    public static AwsJsonClient dynamoDb(URI endpoint) {
        return new AwsJsonClient(
                endpoint, "DynamoDB_20120810.", "application/x-amz-json-1.0", "dynamodb");
    }

    public static AwsJsonClient sqs(URI endpoint) {
        return new AwsJsonClient(endpoint, "AmazonSQS.", "application/x-amz-json-1.0", "sqs");
    }

    public static AwsJsonClient stepFunctions(URI endpoint) {
        return new AwsJsonClient(
                endpoint, "AWSStepFunctions.", "application/x-amz-json-1.0", "states");
    }

    /**
     * Sends one action.
     *
     * @throws AwsCallException when the service answers with an error
     */
    public JsonNode call(String action, JsonNode body) {
        HttpRequest request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .header("X-Amz-Target", targetPrefix + action)
                        .header(
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/"
                                        + service
                                        + "/aws4_request, SignedHeaders=host;x-amz-date,"
                                        + " Signature=0")
                        .header("X-Amz-Date", AMZ_DATE.format(java.time.Instant.now()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)))
                        .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AwsCallException(service + ".SdkClientException", e.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(service + ".SdkClientException", "interrupted", 0);
        }
        JsonNode json;
        try {
            json = response.body().length == 0 ? Json.object() : Json.parse(response.body());
        } catch (IOException e) {
            throw new AwsCallException(
                    "InternalFailure",
                    "unreadable response from " + service,
                    response.statusCode());
        }
        if (response.statusCode() >= 300) {
            String type = json.path("__type").asText("UnknownError");
            String shortType = type.substring(type.lastIndexOf('#') + 1);
            String message = json.path("message").asText(json.path("Message").asText(""));
            throw new AwsCallException(shortType, message, response.statusCode());
        }
        return json;
    }
}
