package dev.orderflow.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The payment API's base URL and key from a Secrets Manager secret holding {@code {"baseUrl":
 * "https://...", "apiKey": "..."}}, read through Powertools parameters and cached for {@link
 * #MAX_AGE}, so a warm function does not call Secrets Manager per order and a rotated key arrives
 * within minutes.
 */
public final class SecretsManagerPaymentAccess implements Supplier<PaymentApiAccess> {

    /** How long a read secret is used before it is read again. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsProvider secrets;
    private final String secretName;

    /**
     * @param client the Secrets Manager client (the caller picks its HTTP client and region)
     * @param secretName the secret's name or ARN
     */
    public SecretsManagerPaymentAccess(SecretsManagerClient client, String secretName) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(MAX_AGE);
        this.secrets =
                SecretsProvider.builder()
                        .withClient(Objects.requireNonNull(client, "client"))
                        .withCacheManager(cache)
                        .build();
        this.secretName = Objects.requireNonNull(secretName, "secretName");
    }

    /**
     * @throws PaymentUnavailable when Secrets Manager could not be reached or failed transiently
     * @throws PaymentRequestRejected when the secret is missing, not readable by this function or
     *     not of the expected shape: a configuration error no retry fixes
     */
    @Override
    public PaymentApiAccess get() {
        String text;
        try {
            text = secrets.get(secretName);
        } catch (SdkClientException e) {
            throw new PaymentUnavailable("Secrets Manager unreachable: " + e.getMessage(), false);
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new PaymentUnavailable(
                        "Secrets Manager unavailable: " + e.getMessage(), false);
            }
            throw new PaymentRequestRejected(
                    "payment secret '" + secretName + "' cannot be read: " + e.getMessage());
        }
        return parse(text);
    }

    private PaymentApiAccess parse(String text) {
        try {
            JsonNode secret = JSON.readTree(text == null ? "" : text);
            if (secret != null
                    && secret.path("baseUrl").isTextual()
                    && secret.path("apiKey").isTextual()) {
                return new PaymentApiAccess(
                        URI.create(secret.get("baseUrl").asText()), secret.get("apiKey").asText());
            }
        } catch (IOException | IllegalArgumentException malformed) {
            // reported below without the secret's text
        }
        throw new PaymentRequestRejected(
                "payment secret '"
                        + secretName
                        + "' must be a JSON object with an http(s) \"baseUrl\" and an \"apiKey\"");
    }
}
