package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.infra.config.Adapters;
import dev.orderflow.infra.config.OrderflowConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * Which adapters run is configuration: simulators by default and for local runs, the real systems
 * in production, which the app refuses to synthesize with a simulator.
 */
class AdapterConfigurationTest {

    private static final List<String> PAYMENT_FUNCTIONS =
            List.of("TakePaymentHandler", "RefundPaymentHandler");

    private static Map<String, Object> prodWith(Object... keysAndValues) {
        Map<String, Object> context = new HashMap<>(Map.of("env", "prod"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return context;
    }

    /** Reads the config as the app does, without synthesizing (which costs seconds). */
    private static OrderflowConfig configFrom(Map<String, Object> context) {
        return OrderflowConfig.fromContext(App.Builder.create().context(context).build().getNode());
    }

    @Test
    void prod_withTheSimulatorsByDefault_isRefused_namingTheKeysToSet() {
        assertThatThrownBy(
                        () -> OrderflowApp.build(App.Builder.create().context(prodWith()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env 'prod' is a production environment")
                .hasMessageContaining("-c paymentProvider=http")
                .hasMessageContaining("-c paymentSecretName=")
                .hasMessageContaining("-c warehouse=http")
                .hasMessageContaining("-c notifier=http -c mailSecretName=");
    }

    @Test
    void prod_thatWouldOnlyLogNotifications_isRefused() {
        assertThatThrownBy(
                        () ->
                                configFrom(
                                        prodWith(
                                                "paymentProvider", "http",
                                                "paymentSecretName", "orderflow/payment",
                                                "warehouse", "http",
                                                "notifier", "simulated")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-c notifier=http -c mailSecretName=")
                .hasMessageNotContaining("paymentProvider");
    }

    @Test
    void httpNotifications_withoutASecretName_areRefused() {
        assertThatThrownBy(() -> configFrom(Map.of("env", "staging", "notifier", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mailSecretName' is required with notifier=http");
    }

    @Test
    void prod_withAnExplicitSimulatedPaymentProvider_isRefused() {
        assertThatThrownBy(
                        () ->
                                configFrom(
                                        prodWith(
                                                "env", "production-eu",
                                                "paymentProvider", "simulated",
                                                "warehouse", "http",
                                                "notifier", "http",
                                                "mailSecretName", "orderflow/mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env 'production-eu'")
                .hasMessageContaining("-c paymentProvider=http")
                .hasMessageNotContaining("warehouse");
    }

    @Test
    void prod_withASimulatedWarehouse_isRefused() {
        assertThatThrownBy(
                        () ->
                                configFrom(
                                        prodWith(
                                                "paymentProvider", "http",
                                                "paymentSecretName", "orderflow/payment",
                                                "warehouse", "simulated",
                                                "notifier", "http",
                                                "mailSecretName", "orderflow/mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-c warehouse=http")
                .hasMessageNotContaining("paymentProvider");
    }

    @Test
    void httpPayments_withoutASecretName_areRefused() {
        assertThatThrownBy(
                        () ->
                                configFrom(
                                        Map.of(
                                                "env", "staging",
                                                "paymentProvider", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'paymentSecretName' is required with paymentProvider=http");
    }

    @Test
    void anUnknownAdapter_isRefused_namingTheChoices() {
        assertThatThrownBy(() -> configFrom(Map.of("env", "dev", "warehouse", "carrier-pigeon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context 'warehouse' must be simulated or http, got 'carrier-pigeon'");
    }

    @Test
    void prod_withHttpAdapters_runsNoSimulatorAnywhere() {
        SynthesizedStack prod = SynthesizedStack.of("prod");

        for (String handler : PAYMENT_FUNCTIONS) {
            JsonNode env = prod.environmentOf(handler);
            assertThat(env.path("PAYMENT_PROVIDER").asText()).as(handler).isEqualTo("http");
            assertThat(env.path("PAYMENT_SECRET_NAME").asText())
                    .as(handler)
                    .isEqualTo(SynthesizedStack.PROD_PAYMENT_SECRET);
        }
        assertThat(prod.environmentOf("FulfillShipmentHandler").path("WAREHOUSE").asText())
                .isEqualTo("http");
        JsonNode notifier = prod.environmentOf("NotifyCustomerHandler");
        assertThat(notifier.path("NOTIFIER").asText()).isEqualTo("http");
        assertThat(notifier.path("MAIL_SECRET_NAME").asText())
                .isEqualTo(SynthesizedStack.PROD_MAIL_SECRET);
        for (Map.Entry<String, JsonNode> fn : prod.resources("AWS::Lambda::Function")) {
            fn.getValue()
                    .at("/Properties/Environment/Variables")
                    .forEach(
                            value ->
                                    assertThat(value.toString())
                                            .as(fn.getKey())
                                            .doesNotContainIgnoringCase("simulat"));
        }
    }

    @Test
    void prod_letsOnlyThePaymentFunctionsAndTheNotifierReadTheirSecrets_andNeverHoldsThem() {
        SynthesizedStack prod = SynthesizedStack.of("prod");

        assertThat(prod.resources("AWS::SecretsManager::Secret")).isEmpty();
        assertThat(prod.json.toString()).doesNotContain("apiKey");
        List<String> readers = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> policy : prod.resources("AWS::IAM::Policy")) {
            for (JsonNode statement :
                    policy.getValue().at("/Properties/PolicyDocument/Statement")) {
                if (statement.get("Action").toString().contains("secretsmanager:")) {
                    assertThat(statement.get("Action").asText())
                            .isEqualTo("secretsmanager:GetSecretValue");
                    String resource = statement.get("Resource").toString();
                    String secret =
                            policy.getKey().startsWith("NotifyCustomerRole")
                                    ? SynthesizedStack.PROD_MAIL_SECRET
                                    : SynthesizedStack.PROD_PAYMENT_SECRET;
                    assertThat(resource).contains(":secret:" + secret + "-??????");
                    readers.add(policy.getKey());
                }
            }
        }
        assertThat(readers)
                .hasSize(3)
                .anyMatch(p -> p.startsWith("TakePaymentRole"))
                .anyMatch(p -> p.startsWith("RefundPaymentRole"))
                .anyMatch(p -> p.startsWith("NotifyCustomerRole"));
    }

    @Test
    void dev_asCdkJsonConfiguresIt_runsTheSimulators_andReadsNoSecret() {
        SynthesizedStack dev = SynthesizedStack.of("dev");

        for (String handler : PAYMENT_FUNCTIONS) {
            JsonNode env = dev.environmentOf(handler);
            assertThat(env.path("PAYMENT_PROVIDER").asText()).isEqualTo("simulated");
            assertThat(env.has("PAYMENT_SECRET_NAME")).isFalse();
        }
        assertThat(dev.environmentOf("FulfillShipmentHandler").path("WAREHOUSE").asText())
                .isEqualTo("simulated");
        assertThat(dev.environmentOf("NotifyCustomerHandler").path("NOTIFIER").asText())
                .isEqualTo("log");
        assertThat(dev.json.toString()).doesNotContain("secretsmanager:");
    }

    @Test
    void anEnvironmentWithoutAdapterKeys_defaultsToTheSimulators() {
        OrderflowConfig config = configFrom(Map.of("env", "staging"));

        assertThat(config.adapters()).isEqualTo(Adapters.simulated());
    }
}
