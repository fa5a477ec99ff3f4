package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a request came through the region's CloudFront distribution (docs/multi-region.md,
 * decision 6): CloudFront adds {@value #HEADER} with a per-region secret, so a request to the HTTP
 * API's own URL, which skips the WAF, lacks it. Without a secret configured (a single-region stack,
 * the local cloud) every request passes.
 */
public final class OriginCheck {

    /** The header CloudFront adds to every request it forwards to the API. */
    public static final String HEADER = "X-Origin-Verify";

    /** The problem type of a refused request. */
    public static final String PROBLEM_TYPE = Problem.TYPE_BASE + "origin-not-verified";

    private final Optional<Supplier<String>> secret;

    private OriginCheck(Optional<Supplier<String>> secret) {
        this.secret = secret;
    }

    /** Every request passes: no distribution stands in front of the API. */
    public static OriginCheck none() {
        return new OriginCheck(Optional.empty());
    }

    /**
     * Requests must carry the secret in {@link #HEADER}.
     *
     * @param secret the expected value, read (and cached) by the caller's choice of store; read per
     *     request, so a cache that expires picks up a rotated value
     */
    public static OriginCheck requiring(Supplier<String> secret) {
        return new OriginCheck(Optional.of(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * The 403 for a request without the right header, or empty when it may be served.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the secret cannot be read now
     */
    Optional<Problem> refusal(APIGatewayV2HTTPEvent event, String requestId) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = secret.get().get().getBytes(StandardCharsets.UTF_8);
        byte[] sent = header(event).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        // Constant time: how much of the value matched must not show in how long the answer takes.
        if (sent != null && MessageDigest.isEqual(expected, sent)) {
            return Optional.empty();
        }
        return Optional.of(
                new Problem(
                        URI.create(PROBLEM_TYPE),
                        "Origin not verified",
                        403,
                        "Requests reach this API through its CloudFront distribution only.",
                        requestId));
    }

    /** The header's value, its name matched without regard to case (HTTP API lower-cases it). */
    private static Optional<String> header(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event == null ? null : event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(HEADER))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull)
                .findFirst();
    }
}
