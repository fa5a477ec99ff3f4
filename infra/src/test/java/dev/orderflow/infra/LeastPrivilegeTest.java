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
    void eachFunction_getsExactlyTheDynamoDbActionsItsHandlerUses() {
        assertThat(dynamoActionsOf("ListProducts")).containsExactly("dynamodb:Scan@Products");
        assertThat(dynamoActionsOf("GetOrder")).containsExactly("dynamodb:GetItem@Orders");
        assertThat(dynamoActionsOf("PlaceOrder"))
                .containsExactlyInAnyOrder(
                        "dynamodb:BatchGetItem@Products",
                        "dynamodb:PutItem@Idempotency",
                        "dynamodb:GetItem@Idempotency",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:GetItem@Orders");
        assertThat(dynamoActionsOf("ListOrders")).containsExactly("dynamodb:Query@Orders");
        assertThat(dynamoActionsOf("AdminListProducts")).containsExactly("dynamodb:Scan@Products");
        assertThat(dynamoActionsOf("AdminPutProduct")).containsExactly("dynamodb:PutItem@Products");
        assertThat(dynamoActionsOf("AdminListCenters"))
                .containsExactly("dynamodb:Scan@FulfillmentCenters");
        assertThat(dynamoActionsOf("AdminPutCenter"))
                .containsExactly("dynamodb:PutItem@FulfillmentCenters");
        assertThat(dynamoActionsOf("AdminGetStock"))
                .containsExactlyInAnyOrder("dynamodb:GetItem@Products", "dynamodb:Query@Inventory");
        assertThat(dynamoActionsOf("AdminAdjustStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Products",
                        "dynamodb:GetItem@FulfillmentCenters",
                        "dynamodb:UpdateItem@Inventory");
        assertThat(dynamoActionsOf("AdminListOrders"))
                .containsExactlyInAnyOrder("dynamodb:Query@Orders", "dynamodb:BatchGetItem@Orders");
        assertThat(dynamoActionsOf("Health")).isEmpty();
        assertThat(dynamoActionsOf("DescribeCaller")).isEmpty();
    }

    /** "action@Table" for every DynamoDB statement in the policy of a function's role. */
    private List<String> dynamoActionsOf(String function) {
        List<String> found = new ArrayList<>();
        synth.resources("AWS::IAM::Policy").stream()
                .filter(p -> p.getKey().startsWith(function + "Role"))
                .forEach(
                        p ->
                                p.getValue()
                                        .at("/Properties/PolicyDocument/Statement")
                                        .forEach(
                                                statement ->
                                                        found.addAll(dynamoActions(statement))));
        return found;
    }

    private static List<String> dynamoActions(JsonNode statement) {
        String resource = statement.get("Resource").toString();
        java.util.regex.Matcher table =
                java.util.regex.Pattern.compile("\"Data([A-Za-z]+?)[0-9A-F]{8}\"")
                        .matcher(resource);
        String name = table.find() ? table.group(1) : resource;
        return strings(statement.get("Action")).stream()
                .filter(a -> a.startsWith("dynamodb:"))
                .map(a -> a + "@" + name)
                .toList();
    }
}
