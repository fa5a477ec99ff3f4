package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AwsSolutions pack finds nothing that is not suppressed with a written reason. */
class NagComplianceTest {

    private final SynthesizedStack synth = SynthesizedStack.get();

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

    @Test
    void awsSolutions_reportsNoUnsuppressedErrors() {
        List<SynthesisMessage> errors =
                Annotations.fromStack(synth.stack)
                        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors).as(describe(errors)).isEmpty();
    }

    @Test
    void awsSolutions_reportsNoUnsuppressedWarnings() {
        List<SynthesisMessage> warnings =
                Annotations.fromStack(synth.stack)
                        .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(warnings).as(describe(warnings)).isEmpty();
    }

    @Test
    void everySuppression_saysWhy() {
        int suppressions = 0;
        for (var resource : synth.json.get("Resources")) {
            JsonNode rules = resource.at("/Metadata/cdk_nag/rules_to_suppress");
            for (JsonNode rule : rules) {
                suppressions++;
                assertThat(rule.get("reason").asText()).as(rule.toString()).hasSizeGreaterThan(40);
            }
        }
        assertThat(suppressions).as("the suppressions this test guards exist").isPositive();
    }
}
