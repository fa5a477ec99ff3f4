package dev.orderflow.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading (not verifying) Signature Version 4: the local services accept any credentials, but route
 * by the credential scope and answer incomplete signatures as AWS does.
 */
public final class SigV4 {
    /** The scheme every SigV4 {@code Authorization} header starts with. */
    public static final String HEADER_SCHEME = "AWS4-";

    private SigV4() {}

    /**
     * The scope of a credential ({@code AKID/20261202/eu-central-1/dynamodb/aws4_request}).
     *
     * @param service the service name in lower case
     */
    public record Scope(String accessKey, String date, String region, String service) {}

    /**
     * The parameters of an {@code Authorization} header: {@code AWS4-HMAC-SHA256 Credential=a/b,
     * SignedHeaders=x;y, Signature=z} gives Credential, SignedHeaders and Signature. Empty when the
     * header has no parameters.
     */
    public static Map<String, String> headerParameters(String authorization) {
        Map<String, String> parts = new HashMap<>();
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return parts;
        }
        for (String token : authorization.substring(space + 1).split("[,\\s]+", -1)) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                parts.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return parts;
    }

    /** The credential scope of an {@code Authorization} header, when it has a complete one. */
    public static Optional<Scope> scope(String authorization) {
        if (authorization == null || !authorization.startsWith(HEADER_SCHEME)) {
            return Optional.empty();
        }
        String credential = headerParameters(authorization).get("Credential");
        if (credential == null) {
            return Optional.empty();
        }
        // limit 0 drops trailing empty parts, so "AKID/date/region/service/" stays incomplete
        String[] parts = credential.split("/", 0);
        if (parts.length < 5) {
            return Optional.empty();
        }
        return Optional.of(
                new Scope(parts[0], parts[1], parts[2], parts[3].toLowerCase(Locale.ROOT)));
    }

    /** A query string's parameters, percent-decoded; a repeated name keeps its last value. */
    public static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        // limit 0: a trailing "&" adds no empty-named parameter
        for (String pair : query.split("&", 0)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape is kept as sent
        }
    }
}
