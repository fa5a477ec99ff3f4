package dev.orderflow.cloud.internal.edge;

import dev.orderflow.protocol.AwsJsonError;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Passes calls unchanged to a server on loopback (ElasticMQ) and its answers back. */
final class Forwarder {
    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "upgrade",
                    "transfer-encoding",
                    "keep-alive");

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    /** A service that forwards every call to {@code target}. */
    HttpService to(URI target) {
        return call -> forward(target, call);
    }

    private HttpAnswer forward(URI target, HttpCall call) {
        URI uri = target.resolve(call.path() + (call.query() == null ? "" : "?" + call.query()));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headerValues()
                .forEach(
                        (name, values) -> {
                            if (!HOP_BY_HOP.contains(name)) {
                                values.forEach(v -> request.header(name, v));
                            }
                        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return unavailable(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(target);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers()
                .map()
                .forEach(
                        (name, values) -> {
                            String lower = name.toLowerCase(Locale.ROOT);
                            if (!HOP_BY_HOP.contains(lower)
                                    && !name.startsWith(":")
                                    && !lower.equals("content-type")) {
                                headers.put(name, new ArrayList<>(values));
                            }
                        });
        return new HttpAnswer(
                response.statusCode(),
                response.headers().firstValue("content-type").orElse(null),
                response.body(),
                headers,
                false,
                false);
    }

    private static HttpAnswer unavailable(URI target) {
        return new AwsJsonError(
                        "ServiceUnavailable",
                        "message",
                        "the local service at " + target + " did not answer")
                .answer(503, "application/x-amz-json-1.0");
    }
}
