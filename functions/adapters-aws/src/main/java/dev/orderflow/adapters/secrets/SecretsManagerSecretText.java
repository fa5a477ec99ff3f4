package dev.orderflow.adapters.secrets;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
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
 * the value CloudFront sends in {@code X-Origin-Verify} this way. The text never appears in a
 * message.
 */
public final class SecretsManagerSecretText implements Supplier<String> {

    /** How long a read secret is used before it is read again. */
    public static final Duration MAX_AGE = SecretsManagerApiAccess.MAX_AGE;

    private final SecretsProvider secrets;
    private final String secretId;

    /**
     * @param client the Secrets Manager client (the caller picks its HTTP client and region)
     * @param secretId the secret's ARN or name
     */
    public SecretsManagerSecretText(SecretsManagerClient client, String secretId) {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(MAX_AGE);
        this.secrets =
                SecretsProvider.builder()
                        .withClient(Objects.requireNonNull(client, "client"))
                        .withCacheManager(cache)
                        .build();
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    /**
     * @throws DependencyUnavailable if Secrets Manager could not be reached or failed transiently
     * @throws IllegalStateException if the secret is missing, empty or not readable by this
     *     function: the deployment is wrong, no retry helps
     */
    @Override
    public String get() {
        String text;
        try {
            text = secrets.get(secretId);
        } catch (SdkClientException e) {
            throw new DependencyUnavailable(
                    "Secrets Manager", new IOException("unreachable: " + e.getMessage(), e));
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new DependencyUnavailable("Secrets Manager", e);
            }
            throw new IllegalStateException(
                    "secret '" + secretId + "' cannot be read: " + e.getMessage(), e);
        }
        if (text == null || text.isEmpty()) {
            throw new IllegalStateException("secret '" + secretId + "' has no text");
        }
        return text;
    }
}
