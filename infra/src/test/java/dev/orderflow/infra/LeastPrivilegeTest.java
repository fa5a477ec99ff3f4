package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every IAM statement names its actions and is scoped to named resources. */
class LeastPrivilegeTest {

    /**
     * Actions AWS does not scope to resources (X-Ray; CloudWatch Logs vended delivery used by Step
     * Functions logging), so {@code Resource: *} is the only form they take.
     */
    private static final Set<String> UNSCOPABLE_ACTIONS =
            Set.of(
                    "xray:PutTraceSegments",
                    "xray:PutTelemetryRecords",
                    "xray:GetSamplingRules",
                    "xray:GetSamplingTargets",
                    "logs:CreateLogDelivery",
                    "logs:GetLogDelivery",
                    "logs:UpdateLogDelivery",
                    "logs:DeleteLogDelivery",
                    "logs:ListLogDeliveries",
                    "logs:PutResourcePolicy",
                    "logs:DescribeResourcePolicies",
                    "logs:DescribeLogGroups");

    private final SynthesizedStack synth = SynthesizedStack.get();

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        } else {
            out.add(node.isTextual() ? node.asText() : node.toString());
        }
        return out;
    }

    private List<JsonNode> statements() {
        List<JsonNode> all = new ArrayList<>();
        synth.resources("AWS::IAM::Policy")
                .forEach(
                        p ->
                                p.getValue()
                                        .at("/Properties/PolicyDocument/Statement")
                                        .forEach(all::add));
        return all;
    }

    @Test
    void noStatement_usesAWildcardAction() {
        assertThat(statements()).isNotEmpty();
        for (JsonNode statement : statements()) {
            assertThat(strings(statement.get("Action")))
                    .as(statement.toString())
                    .noneMatch(a -> a.contains("*"));
        }
    }

    @Test
    void everyStatementOnAllResources_isLimitedToActionsAwsCannotScope() {
        for (JsonNode statement : statements()) {
            if (strings(statement.get("Resource")).contains("*")) {
                assertThat(strings(statement.get("Action")))
                        .as(statement.toString())
                        .isSubsetOf(UNSCOPABLE_ACTIONS);
            }
        }
    }

    @Test
    void noRole_carriesAManagedPolicy() {
        synth.resources("AWS::IAM::Role")
                .forEach(
                        r ->
                                assertThat(
                                                r.getValue()
                                                        .at("/Properties/ManagedPolicyArns")
                                                        .isMissingNode())
                                        .as(r.getKey())
                                        .isTrue());
    }

    @Test
    void theCatalogFunction_mayOnlyScanTheProductsTable() {
        String products =
                synth.resources("AWS::DynamoDB::Table").stream()
                        .filter(e -> e.getKey().startsWith("DataProducts"))
                        .findFirst()
                        .orElseThrow()
                        .getKey();
        List<JsonNode> dynamo =
                statements().stream()
                        .filter(
                                s ->
                                        strings(s.get("Action")).stream()
                                                .anyMatch(a -> a.startsWith("dynamodb:")))
                        .filter(s -> s.get("Resource").toString().contains(products))
                        .toList();
        assertThat(dynamo).hasSize(1);
        assertThat(strings(dynamo.get(0).get("Action"))).containsExactly("dynamodb:Scan");
    }
}
