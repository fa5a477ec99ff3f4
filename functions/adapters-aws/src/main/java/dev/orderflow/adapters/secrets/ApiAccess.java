package dev.orderflow.adapters.secrets;

import java.net.URI;
import java.util.Objects;

/**
 * Where an external HTTP API (the card-payment API, the mail API) is and the key that opens it.
 *
 * @param baseUrl the API's root, e.g. {@code https://api.payments.example.com}; paths such as
 *     {@code /v1/payments} are appended to it
 * @param apiKey the secret sent as {@code Authorization: Bearer <apiKey>}; never logged
 */
public record ApiAccess(URI baseUrl, String apiKey) {

    public ApiAccess {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = baseUrl.getScheme();
        if ((!"https".equals(scheme) && !"http".equals(scheme)) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("an API's baseUrl must be an absolute http(s) URL");
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("an API's apiKey must not be blank");
        }
    }

    /** The URL of a path below the base URL, with or without a trailing slash on the base. */
    public URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "ApiAccess[baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
