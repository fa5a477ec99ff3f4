package dev.orderflow.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request and the answer it must get.
 *
 * @param label what was made bad, for the failure report
 * @param target the path and query as sent, percent-encoded (possibly malformed on purpose)
 * @param headers request headers; a {@code null} value removes a header the good request has
 */
record Probe(
        String label,
        String method,
        String target,
        Map<String, String> headers,
        byte[] body,
        Expect expect) {

    /** What a bad request must be answered with. */
    enum Expect {
        /** A 4xx {@code application/problem+json} from our handlers. */
        PROBLEM,
        /** API Gateway's JWT authorizer: 401 {@code {"message":"Unauthorized"}}, no token sent. */
        UNAUTHORIZED_WITHOUT_TOKEN,
        /**
         * The same, for a token it refused: with {@code www-authenticate: Bearer ...
         * error="invalid_token"}.
         */
        UNAUTHORIZED_TOKEN,
        /** A route's scope missing from a valid token: 403 {@code {"message":"Forbidden"}}. */
        FORBIDDEN,
        /**
         * A path value that may not reach a function: a problem, or API Gateway's own 4xx {@code
         * {"message":...}} (e.g. 404 when an empty segment matches no route).
         */
        PROBLEM_OR_GATEWAY
    }

    Probe with(String label, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new Probe(label, method, target, changed, body, expect);
    }

    Probe expecting(Expect value) {
        return new Probe(label, method, target, headers, body, value);
    }
}
