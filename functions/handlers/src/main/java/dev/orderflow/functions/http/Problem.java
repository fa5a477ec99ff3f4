package dev.orderflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body.
 *
 * @param type a stable URI per error code
 * @param title a short, stable summary of the type
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request id, to find the request in the logs
 * @param errors one entry per rejected field, for validation failures
 * @param homeRegion the AWS region that changes the order or center a request tried to change
 *     elsewhere ({@code homed-in-another-region}); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String homeRegion) {

    /** The base of every problem type URI. */
    public static final String TYPE_BASE = "https://orderflow.dev/problems/";

    public Problem {
        errors = List.copyOf(errors);
    }

    /** A problem about no particular field or region. */
    public Problem(URI type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, List.of(), null);
    }

    /** One rejected field of a request. */
    public record FieldError(String field, String reason) {}
}
