package dev.orderflow.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.orderflow.adapters.secrets.ApiAccess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The card-payment API on the wire: JSON over HTTPS with a bearer key, each request bounded by a
 * timeout. It knows nothing of orders or verdicts; {@link HttpPaymentProvider} gives answers their
 * meaning.
 */
final class PaymentApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ApiAccess> access;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** What the API answered: the status and the JSON body (missing when there was none). */
    record Answer(int status, JsonNode body) {

        /** A text field of the body, or empty. */
        String text(String field) {
            JsonNode value = body.path(field);
            return value.isTextual() ? value.asText() : "";
        }
    }

    PaymentApiClient(Supplier<ApiAccess> access, HttpClient http, Duration requestTimeout) {
        this.access = Objects.requireNonNull(access, "access");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * POSTs a JSON body under an idempotency key.
     *
     * @throws java.net.http.HttpTimeoutException when no answer came within the request timeout
     * @throws IOException when the API could not be reached or the connection broke
     */
    Answer post(String path, String idempotencyKey, Map<String, Object> body)
            throws IOException, InterruptedException {
        return send(
                path,
                builder ->
                        builder.header("Idempotency-Key", idempotencyKey)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofByteArray(
                                                JSON.writeValueAsBytes(body))));
    }

    /** GETs a resource; throws like {@link #post}. */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(pathAndQuery, HttpRequest.Builder::GET);
    }

    private interface Method {
        HttpRequest.Builder apply(HttpRequest.Builder builder) throws IOException;
    }

    private Answer send(String pathAndQuery, Method method)
            throws IOException, InterruptedException {
        ApiAccess api = access.get();
        HttpRequest request =
                method.apply(
                                HttpRequest.newBuilder(api.resolve(pathAndQuery))
                                        .timeout(requestTimeout)
                                        .header("Authorization", "Bearer " + api.apiKey())
                                        .header("Accept", "application/json"))
                        .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** Error pages of proxies are not JSON; their status still says what happened. */
    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
