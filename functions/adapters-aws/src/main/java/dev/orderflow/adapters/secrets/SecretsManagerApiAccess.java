package dev.orderflow.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.adapters.secrets.SecretsManagerSecretText.Failures;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An external API's base URL and key from a Secrets Manager secret holding {@code {"baseUrl":
 * "https://...", "apiKey": "..."}}, read through {@link SecretsManagerSecretText} (cached for
 * {@link #MAX_AGE}), so a warm function does not call Secrets Manager per request and a rotated key
 * arrives within minutes. Which errors a failure becomes is the caller's: see {@link #forPayments}
 * and {@link #forMail}.
 */
public final class SecretsManagerApiAccess implements Supplier<ApiAccess> {

    /** How long a read secret is used before it is read again. */
    public static final Duration MAX_AGE = SecretsManagerSecretText.MAX_AGE;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerSecretText secret;

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
                client, secretName, "mail", Failures.ofConfiguration("mail secret"));
    }

    /**
     * @param client the Secrets Manager client (the caller picks its HTTP client and region)
     * @param secretName the secret's name or ARN
     * @param purpose what the secret opens, for messages ("payment", "mail")
     */
    public SecretsManagerApiAccess(
            SecretsManagerClient client, String secretName, String purpose, Failures failures) {
        this.secret = new SecretsManagerSecretText(client, secretName, purpose, failures);
    }

    /**
     * @throws RuntimeException {@link Failures#unavailable} when Secrets Manager could not be
     *     reached or failed transiently; {@link Failures#misconfigured} when the secret is missing,
     *     not readable by this function or not of the expected shape
     */
    @Override
    public ApiAccess get() {
        String text = secret.get();
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed != null
                    && parsed.path("baseUrl").isTextual()
                    && parsed.path("apiKey").isTextual()) {
                return new ApiAccess(
                        URI.create(parsed.get("baseUrl").asText()), parsed.get("apiKey").asText());
            }
        } catch (IOException | IllegalArgumentException malformed) {
            // reported below without the secret's text
        }
        throw secret.misconfigured(
                "must be a JSON object with an http(s) \"baseUrl\" and an \"apiKey\"");
    }
}
