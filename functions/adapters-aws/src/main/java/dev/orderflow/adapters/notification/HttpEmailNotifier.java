package dev.orderflow.adapters.notification;

import dev.orderflow.adapters.secrets.ApiAccess;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel through a transactional-mail API of the common shape: {@code POST
 * <base>/emails} with a bearer API key, an {@code Idempotency-Key} header (the notification's
 * deduplication key, so the provider treats a repeated send as the first one) and the body {@code
 * {"to":"<customerId>","template":"order-shipped","data":{"orderId":..,"outcome":..,"reason":..}}}.
 * orderflow keeps no addresses: {@code to} names the customer as the provider's contact id.
 *
 * <p>2xx is sent. 408, 409 (the same key still in flight at the provider), 429, 5xx, timeouts and
 * I/O failures are {@link DependencyUnavailable}: whether the provider took the mail is unknown,
 * and the retry with the same key is safe. Any other answer (a bad key, a rejected body) is a
 * configuration or code error, thrown as {@link IllegalStateException} so it is logged as one.
 */
public final class HttpEmailNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEmailNotifier.class);
    private static final String DEPENDENCY = "mail service";

    /** Per request: well inside the function's 10 s timeout and the claim's lease. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Supplier<ApiAccess> access;

    /**
     * @param baseUrl the API's base, e.g. {@code https://api.mail.example/v1}
     * @param http a client built once per execution environment (see {@link #defaultClient()})
     */
    public HttpEmailNotifier(URI baseUrl, String apiKey, HttpClient http) {
        this(fixed(new ApiAccess(baseUrl, apiKey)), http);
    }

    /**
     * @param access the API's base URL and key, asked for on every send (e.g. a cached Secrets
     *     Manager secret, so a rotated key arrives without a cold start)
     * @param http a client built once per execution environment (see {@link #defaultClient()})
     */
    public HttpEmailNotifier(Supplier<ApiAccess> access, HttpClient http) {
        this.access = Objects.requireNonNull(access, "access");
        this.http = Objects.requireNonNull(http, "http");
    }

    private static Supplier<ApiAccess> fixed(ApiAccess access) {
        return () -> access;
    }

    /** A JDK client with a 2 s connect timeout. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public void send(Notification notification, String idempotencyKey) {
        ApiAccess api = access.get();
        HttpRequest request =
                HttpRequest.newBuilder(api.resolve("/emails"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + api.apiKey())
                        .header("Idempotency-Key", idempotencyKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodyOf(notification)))
                        .build();
        int status = statusOf(request);
        if (status >= 200 && status < 300) {
            LOG.info(
                    "email {} accepted for order {} (idempotency key {})",
                    templateOf(notification),
                    notification.orderId(),
                    idempotencyKey);
            return;
        }
        if (status == 408 || status == 409 || status == 429 || status >= 500) {
            throw new DependencyUnavailable(
                    DEPENDENCY, new IOException("mail API answered " + status));
        }
        throw new IllegalStateException(
                "mail API refused the request with " + status + ": check its URL and key");
    }

    private int statusOf(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DependencyUnavailable(DEPENDENCY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailable(DEPENDENCY, e);
        }
    }

    static String templateOf(Notification notification) {
        return "order-" + notification.outcome().name().toLowerCase(Locale.ROOT);
    }

    static String bodyOf(Notification notification) {
        return "{\"to\":"
                + quoted(notification.customerId())
                + ",\"template\":"
                + quoted(templateOf(notification))
                + ",\"data\":{\"orderId\":"
                + quoted(notification.orderId().value())
                + ",\"outcome\":"
                + quoted(notification.outcome().name())
                + ",\"reason\":"
                + quoted(notification.reason())
                + "}}";
    }

    /** A JSON string literal (RFC 8259 section 7). */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
