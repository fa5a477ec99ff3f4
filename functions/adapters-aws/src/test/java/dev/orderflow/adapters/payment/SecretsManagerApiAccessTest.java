package dev.orderflow.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.adapters.secrets.FakeSecretsManager;
import dev.orderflow.adapters.secrets.SecretsManagerApiAccess;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The whole configuration path: the real Secrets Manager client and Powertools read the secret from
 * a Secrets Manager served on a loopback port, and the provider charges the payment API it names.
 */
class SecretsManagerApiAccessTest {

    private static final String SECRET = "orderflow/test/payment-api";

    private final FakeSecretsManager secretsManager = new FakeSecretsManager();
    private final FakePaymentApi api = new FakePaymentApi("sk_live_from_the_secret");
    private final SecretsManagerClient client =
            SecretsManagerClient.builder()
                    .endpointOverride(secretsManager.endpoint())
                    .region(Region.EU_CENTRAL_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("AKIDTEST", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();

    SecretsManagerApiAccessTest() throws IOException {}

    @AfterEach
    void stop() {
        client.close();
        api.close();
        secretsManager.close();
    }

    private HttpPaymentProvider providerReading(String secretName) {
        return HttpPaymentProvider.create(
                SecretsManagerApiAccess.forPayments(client, secretName),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    private PaymentOutcome charge(HttpPaymentProvider provider) {
        return provider.charge(new ChargeRequest(OrderId.random(), Money.ofMinor(990, "EUR"), 0));
    }

    @Test
    void charge_usesTheBaseUrlAndKeyOfTheSecret_readOnceForManyCharges() {
        secretsManager.put(
                SECRET,
                "{\"baseUrl\":\"" + api.baseUrl() + "/\",\"apiKey\":\"sk_live_from_the_secret\"}");
        HttpPaymentProvider provider = providerReading(SECRET);

        assertThat(charge(provider)).isInstanceOf(PaymentOutcome.Approved.class);
        assertThat(charge(provider)).isInstanceOf(PaymentOutcome.Approved.class);

        assertThat(api.charges()).isEqualTo(2);
        assertThat(secretsManager.reads())
                .as("cached for %s", SecretsManagerApiAccess.MAX_AGE)
                .isEqualTo(1);
    }

    @Test
    void charge_withAMissingSecret_isRejectedForGood_namingTheSecret() {
        HttpPaymentProvider provider = providerReading("orderflow/test/missing");

        assertThatThrownBy(() -> charge(provider))
                .isInstanceOf(PaymentRequestRejected.class)
                .hasMessageContaining("orderflow/test/missing");
        assertThat(api.charges()).isZero();
    }

    @Test
    void charge_withASecretOfTheWrongShape_isRejected_withoutEchoingTheSecret() {
        secretsManager.put(SECRET, "{\"url\":\"https://pay.example\",\"key\":\"sk_live_leak\"}");

        assertThatThrownBy(() -> charge(providerReading(SECRET)))
                .isInstanceOf(PaymentRequestRejected.class)
                .hasMessageContaining("baseUrl")
                .hasMessageNotContaining("sk_live_leak");
    }
}
