package dev.orderflow.adapters.secrets;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.io.IOException;
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
 * A Secrets Manager secret's whole text (its {@code SecretString}), read through Powertools
 * parameters and cached for {@link #MAX_AGE}: an execution environment reads it once, then at most
 * once per {@link #MAX_AGE}, so a rotated value is in use within minutes. The origin check reads
 * the value CloudFront sends in {@code X-Origin-Verify} this way; {@link SecretsManagerApiAccess}
 * reads its JSON secrets through it. The text never appears in a message.
 */
public final class SecretsManagerSecretText implements Supplier<String> {

    /** How long a read secret is used before it is read again. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /**
     * What a failed read becomes for the port that needs the secret.
     *
     * @param unavailable Secrets Manager unreachable, throttled or failing: a retry may succeed
     * @param misconfigured the secret is missing, unreadable or of the wrong shape: no retry helps
     */
    public record Failures(
            Function<String, RuntimeException> unavailable,
            Function<String, RuntimeException> misconfigured) {

        /** {@link DependencyUnavailable} when unavailable, else {@link IllegalStateException}. */
        public static Failures ofConfiguration(String dependency) {
            return new Failures(
                    m -> new DependencyUnavailable(dependency, new IOException(m)),
                    IllegalStateException::new);
        }
    }

    private final SecretsProvider secrets;
    private final String secretId;
    private final String purpose;
    private final Failures failures;

    /**
     * @param client the Secrets Manager client (the caller picks its HTTP client and region)
     * @param secretId the secret's ARN or name
     */
    public SecretsManagerSecretText(SecretsManagerClient client, String secretId) {
        this(client, secretId, "", Failures.ofConfiguration("Secrets Manager"));
    }

    /**
     * @param purpose what the secret opens, for messages ("payment", "mail"; may be empty)
     * @param failures what a failed read becomes
     */
    public SecretsManagerSecretText(
            SecretsManagerClient client, String secretId, String purpose, Failures failures) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(MAX_AGE);
        this.secrets =
                SecretsProvider.builder()
                        .withClient(Objects.requireNonNull(client, "client"))
                        .withCacheManager(cache)
                        .build();
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * @throws RuntimeException {@link Failures#unavailable} when Secrets Manager could not be
     *     reached or failed transiently; {@link Failures#misconfigured} when the secret is missing,
     *     empty or not readable by this function
     */
    @Override
    public String get() {
        String text;
        try {
            text = secrets.get(secretId);
        } catch (SdkClientException e) {
            throw failures.unavailable().apply("Secrets Manager unreachable: " + e.getMessage());
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw failures.unavailable()
                        .apply("Secrets Manager unavailable: " + e.getMessage());
            }
            throw misconfigured("cannot be read: " + e.getMessage());
        }
        if (text == null || text.isEmpty()) {
            throw misconfigured("has no text");
        }
        return text;
    }

    /** The failure for a secret that is there but not as expected (its text never shown). */
    RuntimeException misconfigured(String problem) {
        String name = purpose.isEmpty() ? "secret" : purpose + " secret";
        return failures.misconfigured().apply(name + " '" + secretId + "' " + problem);
    }
}
