package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AwsSolutions pack finds nothing that is not suppressed with a written reason, in every
 * environment the app can synthesize: production differs (retention, deletion protection, the
 * payment secret's grant), so checking one environment proves nothing about the others. The
 * multi-region syntheses are checked stack by stack, the edge stack included.
 */
// Annotations.findError/findWarning answer cxapi.SynthesisMessage, deprecated with no replacement
// in the assertions API
@SuppressWarnings("deprecation")
class NagComplianceTest {

    /** The single-region environments and the multi-region deployments of SynthesizedStack. */
    static List<String> syntheses() {
        return List.of("test", "dev", "prod", "two-regions", "two-regions-domain", "strong-stock");
    }

    /**
     * What each suppressed rule checks, in words a reason must use: a reason that does not name the
     * control it waives cannot explain why that control does not apply. A newly suppressed rule
     * fails here until its control is added.
     */
    private static final Map<String, List<String>> CONTROLS =
            Map.of(
                    "AwsSolutions-IAM5", List.of("resource-level", "wildcard"),
                    "AwsSolutions-L1", List.of("runtime"),
                    "AwsSolutions-SQS3", List.of("dead-letter queue"),
                    "AwsSolutions-APIG4", List.of("authoriz"),
                    "AwsSolutions-COG2", List.of("mfa"),
                    "AwsSolutions-CFR1", List.of("geo restriction"),
                    "AwsSolutions-CFR3", List.of("access log"),
                    "AwsSolutions-CFR4", List.of("tls"),
                    "AwsSolutions-SMG4", List.of("rotation"));

    private static String describe(List<SynthesisMessage> messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(
                m ->
                        text.append(m.getId())
                                .append(": ")
                                .append(m.getEntry().getData())
                                .append('\n'));
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("syntheses")
    void awsSolutions_reportsNoUnsuppressedErrors(String synthesis) {
        for (Stack stack : SynthesizedStack.stacksOf(synthesis)) {
            List<SynthesisMessage> errors =
                    Annotations.fromStack(stack)
                            .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as(stack.getStackName() + "\n" + describe(errors)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("syntheses")
    void awsSolutions_reportsNoUnsuppressedWarnings(String synthesis) {
        for (Stack stack : SynthesizedStack.stacksOf(synthesis)) {
            List<SynthesisMessage> warnings =
                    Annotations.fromStack(stack)
                            .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(warnings).as(stack.getStackName() + "\n" + describe(warnings)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("syntheses")
    void everySuppression_namesTheControlItWaives_andSaysWhy(String synthesis) {
        int suppressions = 0;
        List<JsonNode> resources = new java.util.ArrayList<>();
        for (Stack stack : SynthesizedStack.stacksOf(synthesis)) {
            SynthesizedStack.jsonOf(stack).get("Resources").forEach(resources::add);
        }
        for (var resource : resources) {
            JsonNode rules = resource.at("/Metadata/cdk_nag/rules_to_suppress");
            for (JsonNode rule : rules) {
                suppressions++;
                String id = rule.get("id").asText();
                String reason = rule.get("reason").asText();
                assertThat(CONTROLS)
                        .as("%s is suppressed; name its control in CONTROLS", id)
                        .containsKey(id);
                assertThat(CONTROLS.get(id))
                        .as("the reason for %s names its control: %s", id, reason)
                        .anyMatch(control -> reason.toLowerCase(Locale.ROOT).contains(control));
                assertThat(reason)
                        .as("the reason for %s says why, not only what", id)
                        .hasSizeGreaterThan(60);
            }
        }
        assertThat(suppressions).as("the suppressions this test guards exist").isPositive();
    }
}
