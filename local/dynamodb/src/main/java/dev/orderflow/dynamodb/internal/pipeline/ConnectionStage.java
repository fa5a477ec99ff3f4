package dev.orderflow.dynamodb.internal.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * The first stage: what DynamoDB answers before it looks at the body. A GET is its health check, an
 * OPTIONS with an {@code Origin} is a CORS preflight, and any other method, or a body in a content
 * type that is not JSON, is a 404 with DynamoDB's XML body. Observed behaviour, recorded against
 * DynamoDB by the dynalite project's connection tests.
 */
final class ConnectionStage {
    static final String AMZ_JSON = "application/x-amz-json-1.0";
    static final String JSON = "application/json";
    static final int MAX_BODY = 16 * 1024 * 1024;

    private static final String NOT_FOUND_BODY = "<UnknownOperationException/>\n";
    private static final String CORS_MAX_AGE = "172800";

    private final String healthBody;

    ConnectionStage(String region) {
        this.healthBody = "healthy: dynamodb." + region + ".amazonaws.com ";
    }

    /** An answer that ends the request here, or empty to go on to the JSON stages. */
    Optional<WireResponse> earlyAnswer(WireRequest request) {
        String method = request.method();
        if (method.equals("OPTIONS") && request.header("origin") != null) {
            return Optional.of(preflight(request));
        }
        if (method.equals("GET")) {
            return Optional.of(WireResponse.text(200, "text/plain", healthBody));
        }
        if (!method.equals("POST")) {
            return Optional.of(notFound());
        }
        if (request.body().length > 0 && dialect(request) == null) {
            return Optional.of(notFound());
        }
        return Optional.empty();
    }

    /** The 413 DynamoDB sends for a body over 16 MiB: chunked and empty. */
    static WireResponse tooLarge() {
        return new WireResponse(
                413, "text/plain", new byte[0], new java.util.LinkedHashMap<>(), true);
    }

    /**
     * The JSON content type the client used, which the answer repeats; null when the request's
     * content type is not one DynamoDB reads. A request without a body counts as JSON.
     */
    static String dialect(WireRequest request) {
        String header = request.header("content-type");
        if (header == null) {
            return request.body().length == 0 ? JSON : null;
        }
        int semicolon = header.indexOf(';');
        String type =
                (semicolon >= 0 ? header.substring(0, semicolon) : header)
                        .trim()
                        .toLowerCase(Locale.ROOT);
        if (type.equals(AMZ_JSON)) {
            return AMZ_JSON;
        }
        if (type.equals(JSON)) {
            return JSON;
        }
        return request.body().length == 0 ? JSON : null;
    }

    private static WireResponse notFound() {
        return WireResponse.text(404, "text/xml", NOT_FOUND_BODY);
    }

    private static WireResponse preflight(WireRequest request) {
        WireResponse answer =
                WireResponse.of(200, "text/plain", new byte[0])
                        .header("Access-Control-Max-Age", CORS_MAX_AGE);
        String headers = request.header("access-control-request-headers");
        if (headers != null) {
            answer.header("Access-Control-Allow-Headers", headers);
        }
        String method = request.header("access-control-request-method");
        if (method != null) {
            answer.header("Access-Control-Allow-Methods", method);
        }
        return answer;
    }
}
