package dev.orderflow.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * An external API's base URL and key from a Secrets Manager secret holding {@code {"baseUrl":
 * "https://...", "apiKey": "..."}}, read through Powertools parameters and cached for {@link
 * #MAX_AGE}, so a warm function does not call Secrets Manager per request and a rotated key arrives
 * within minutes. Which errors a failure becomes is the caller's: see {@link #forPayments} and
 * {@link #forMail}.
 */
public final class SecretsManagerApiAccess implements Supplier<ApiAccess> {

    /**
     * What a failed read becomes for the port that needs the secret.
     *
     * @param unavailable Secrets Manager unreachable, throttled or failing: a retry may succeed
     * @param misconfigured the secret is missing, unreadable or of the wrong shape: no retry helps
     */
    public record Failures(
            Function<String, RuntimeException> unavailable,
            Function<String, RuntimeException> misconfigured) {}

    /** How long a read secret is used before it is read again. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsProvider secrets;
    private final String secretName;
    private final String purpose;
    private final Failures failures;

    /** The payment API's secret: failures are the payment port's retryable and refused errors. */
    public static SecretsManagerApiAccess forPayments(
            SecretsManagerClient client, String secretName) {
        return new SecretsManagerApiAccess(
                client,
                secretName,
                "payment",
                new Failures(m -> new PaymentUnavailable(m, false), PaymentRequestRejected::new));
    }

    /**
     * The mail API's secret: unavailable is {@link DependencyUnavailable} (the message is retried),
     * misconfigured an {@link IllegalStateException}.
     */
    public static SecretsManagerApiAccess forMail(SecretsManagerClient client, String secretName) {
        return new SecretsManagerApiAccess(
                client,
                secretName,
                "mail",
                new Failures(
                        m -> new DependencyUnavailable("mail secret", new IOException(m)),
                        IllegalStateException::new));
    }

    /**
     * @param client the Secrets Manager client (the caller picks its HTTP client and region)
     * @param secretName the secret's name or ARN
     * @param purpose what the secret opens, for messages ("payment", "mail")
     */
    public SecretsManagerApiAccess(
            SecretsManagerClient client, String secretName, String purpose, Failures failures) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(MAX_AGE);
        this.secrets =
                SecretsProvider.builder()
                        .withClient(Objects.requireNonNull(client, "client"))
                        .withCacheManager(cache)
                        .build();
        this.secretName = Objects.requireNonNull(secretName, "secretName");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * @throws RuntimeException {@link Failures#unavailable} when Secrets Manager could not be
     *     reached or failed transiently; {@link Failures#misconfigured} when the secret is missing,
     *     not readable by this function or not of the expected shape
     */
    @Override
    public ApiAccess get() {
        String text;
        try {
            text = secrets.get(secretName);
        } catch (SdkClientException e) {
            throw failures.unavailable().apply("Secrets Manager unreachable: " + e.getMessage());
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw failures.unavailable()
                        .apply("Secrets Manager unavailable: " + e.getMessage());
            }
            throw failures.misconfigured()
                    .apply(
                            purpose
                                    + " secret '"
                                    + secretName
                                    + "' cannot be read: "
                                    + e.getMessage());
        }
        return parse(text);
    }

    private ApiAccess parse(String text) {
        try {
            JsonNode secret = JSON.readTree(text == null ? "" : text);
            if (secret != null
                    && secret.path("baseUrl").isTextual()
                    && secret.path("apiKey").isTextual()) {
                return new ApiAccess(
                        URI.create(secret.get("baseUrl").asText()), secret.get("apiKey").asText());
            }
        } catch (IOException | IllegalArgumentException malformed) {
            // reported below without the secret's text
        }
        throw failures.misconfigured()
                .apply(
                        purpose
                                + " secret '"
                                + secretName
                                + "' must be a JSON object with an http(s) \"baseUrl\" and an \"apiKey\"");
    }
}
