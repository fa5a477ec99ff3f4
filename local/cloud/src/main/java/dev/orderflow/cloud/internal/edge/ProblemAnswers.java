package dev.orderflow.cloud.internal.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.protocol.HttpAnswer;

/**
 * The {@code application/problem+json} answers (RFC 9457) of the local cloud's own routes on the
 * edge (the console, the regions' control route), typed like the API's problems.
 */
public final class ProblemAnswers {

    /** Where the problem types live, as for the HTTP API's problems. */
    public static final String TYPES = "https://orderflow.dev/problems/";

    private ProblemAnswers() {}

    /**
     * A problem answer with the status's title.
     *
     * @param type the type's last segment, e.g. {@code not-found}
     * @param detail what went wrong with this request, for a person
     */
    public static HttpAnswer of(int status, String type, String detail) {
        ObjectNode body =
                Json.object()
                        .put("type", TYPES + type)
                        .put("title", title(status))
                        .put("status", status)
                        .put("detail", detail);
        return HttpAnswer.of(status, "application/problem+json", Json.bytes(body));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            default -> status < 500 ? "Client Error" : "Service Unavailable";
        };
    }
}
