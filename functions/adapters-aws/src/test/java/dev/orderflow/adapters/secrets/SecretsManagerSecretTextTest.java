package dev.orderflow.adapters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A secret's text through the real Secrets Manager client and Powertools, from a Secrets Manager
 * served on a loopback port.
 */
class SecretsManagerSecretTextTest {

    private static final String ARN =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orderflow/origin-AbCdEf";

    private final FakeSecretsManager secretsManager = new FakeSecretsManager();
    private final SecretsManagerClient client = clientOf(secretsManager.endpoint());

    SecretsManagerSecretTextTest() throws IOException {}

    static SecretsManagerClient clientOf(URI endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        secretsManager.close();
    }

    @Test
    void get_readsTheSecretsText_once_andServesItFromTheCache() {
        secretsManager.put(ARN, "s3cr3t-header-value");
        var text = new SecretsManagerSecretText(client, ARN);

        assertThat(text.get()).isEqualTo("s3cr3t-header-value");
        assertThat(text.get()).isEqualTo("s3cr3t-header-value");
        assertThat(secretsManager.reads()).isEqualTo(1);
    }

    @Test
    void aMissingSecret_isAConfigurationError_thatDoesNotShowAnyValue() {
        assertThatThrownBy(() -> new SecretsManagerSecretText(client, ARN).get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ARN);
    }

    @Test
    void anUnreachableSecretsManager_isADependencyUnavailable() {
        URI nowhere = secretsManager.endpoint();
        secretsManager.close();
        try (SecretsManagerClient down = clientOf(nowhere)) {
            assertThatThrownBy(() -> new SecretsManagerSecretText(down, ARN).get())
                    .isInstanceOf(DependencyUnavailable.class);
        }
    }
}
