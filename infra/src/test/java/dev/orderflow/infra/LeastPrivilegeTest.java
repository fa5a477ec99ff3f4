package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.infra.config.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IAM statement names its actions and is scoped to named resources, in the single-region
 * stack and in every kind of multi-region stack: the primary (global tables created there), a
 * secondary (replicas referenced by name, the stream looked up) and one with strongly consistent
 * stock.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("stacks")
class LeastPrivilegeTest {

    static List<String> stacks() {
        return List.of(
                "test",
                "two-regions/" + SynthesizedStack.PRIMARY,
                "two-regions/" + SynthesizedStack.SECONDARY,
                "strong-stock/" + SynthesizedStack.STRONG_REGIONS.get(1));
    }

    /**
     * CDK's own providers of cross-region references (the SSM parameters that carry the edge web
     * ACL's and the primary user pool's ids to other regions): their roles carry {@code
     * AWSLambdaBasicExecutionRole} (logs only), which CDK does not let an app replace.
     */
    private static final String CROSS_REGION_REFERENCE_PROVIDER = "CustomCrossRegionExport";

    /**
     * Actions AWS does not scope to resources (X-Ray; CloudWatch Logs vended delivery used by Step
     * Functions logging; Step Functions' task-token actions, whose token names no ARN; DynamoDB
     * Streams' ListStreams, which the stream event source mapping's role needs), so {@code
     * Resource: *} is the only form they take.
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
                    "logs:DescribeLogGroups",
                    "states:SendTaskSuccess",
                    "states:SendTaskFailure",
                    "states:SendTaskHeartbeat",
                    "dynamodb:ListStreams");

    private final SynthesizedStack synth;

    LeastPrivilegeTest(String stack) {
        int slash = stack.indexOf('/');
        synth =
                slash < 0
                        ? SynthesizedStack.of(stack)
                        : SynthesizedStack.of(
                                stack.substring(0, slash), stack.substring(slash + 1));
    }

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
        return statementsOf(policy -> true);
    }

    /** The statements of the policies on a function's role. */
    private List<JsonNode> statementsOf(String function) {
        return statementsOf(policy -> policy.startsWith(function + "Role"));
    }

    private List<JsonNode> statementsOf(Predicate<String> policyId) {
        List<JsonNode> all = new ArrayList<>();
        synth.resources("AWS::IAM::Policy").stream()
                .filter(p -> policyId.test(p.getKey()))
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
        synth.resources("AWS::IAM::Role").stream()
                .filter(r -> !r.getKey().startsWith(CROSS_REGION_REFERENCE_PROVIDER))
                .forEach(
                        r ->
                                assertThat(
                                                r.getValue()
                                                        .at("/Properties/ManagedPolicyArns")
                                                        .isMissingNode())
                                        .as(r.getKey())
                                        .isTrue());
    }

    /** Read an order, update it, append its trail event. */
    private static final String[] ORDER_WRITES = {
        "dynamodb:GetItem@Orders", "dynamodb:UpdateItem@Orders", "dynamodb:PutItem@Orders"
    };

    @Test
    void eachFunction_getsExactlyTheDynamoDbActionsItsHandlerUses() {
        assertThat(dynamoActionsOf("ListProducts")).containsExactly("dynamodb:Scan@Products");
        assertThat(dynamoActionsOf("GetOrder"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:Query@Orders",
                        "dynamodb:Query@OrderArchive",
                        "dynamodb:GetItem@OrderArchive");
        assertThat(dynamoActionsOf("CancelOrder")).containsExactlyInAnyOrder(ORDER_WRITES);
        assertThat(dynamoActionsOf("PlaceOrder"))
                .containsExactlyInAnyOrder(
                        "dynamodb:BatchGetItem@Products",
                        "dynamodb:PutItem@Idempotency",
                        "dynamodb:GetItem@Idempotency",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:GetItem@Orders");
        assertThat(dynamoActionsOf("ListOrders"))
                .containsExactlyInAnyOrder("dynamodb:Query@Orders", "dynamodb:Query@OrderArchive");
        assertThat(dynamoActionsOf("ArchiveOrder"))
                .containsExactlyInAnyOrder(
                        "dynamodb:Query@Orders",
                        "dynamodb:DeleteItem@Orders",
                        "dynamodb:PutItem@OrderArchive",
                        "dynamodb:DescribeStream@Orders",
                        "dynamodb:GetRecords@Orders",
                        "dynamodb:GetShardIterator@Orders",
                        "dynamodb:ListStreams@\"*\"");
        assertThat(dynamoActionsOf("FulfillShipment"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:GetItem@FulfillmentCenters");
        assertThat(dynamoActionsOf("ReportShipmentEvent"))
                .containsExactly("dynamodb:GetItem@Orders");
        assertThat(dynamoActionsOf("NotifyCustomer"))
                .containsExactlyInAnyOrder(
                        "dynamodb:PutItem@Idempotency",
                        "dynamodb:UpdateItem@Idempotency",
                        "dynamodb:DeleteItem@Idempotency");
        assertThat(dynamoActionsOf("StartFulfillment"))
                .containsExactlyInAnyOrder(
                        "dynamodb:DescribeStream@Orders",
                        "dynamodb:GetRecords@Orders",
                        "dynamodb:GetShardIterator@Orders",
                        "dynamodb:ListStreams@\"*\"");
        assertThat(dynamoActionsOf("AdminListProducts")).containsExactly("dynamodb:Scan@Products");
        assertThat(dynamoActionsOf("AdminPutProduct")).containsExactly("dynamodb:PutItem@Products");
        assertThat(dynamoActionsOf("AdminListCenters"))
                .containsExactly("dynamodb:Scan@FulfillmentCenters");
        assertThat(dynamoActionsOf("AdminPutCenter"))
                .containsExactly("dynamodb:PutItem@FulfillmentCenters");
        assertThat(dynamoActionsOf("AdminGetStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Products",
                        "dynamodb:Query@Inventory",
                        "dynamodb:GetItem@Inventory",
                        "dynamodb:BatchGetItem@Inventory");
        assertThat(dynamoActionsOf("AdminAdjustStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Products",
                        "dynamodb:GetItem@FulfillmentCenters",
                        "dynamodb:Query@Inventory",
                        "dynamodb:GetItem@Inventory",
                        "dynamodb:BatchGetItem@Inventory",
                        "dynamodb:UpdateItem@Inventory");
        assertThat(dynamoActionsOf("AdminReshardStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Products",
                        "dynamodb:Query@Inventory",
                        "dynamodb:GetItem@Inventory",
                        "dynamodb:BatchGetItem@Inventory",
                        "dynamodb:UpdateItem@Inventory",
                        "dynamodb:ConditionCheckItem@Inventory");
        assertThat(dynamoActionsOf("AdminListOrders"))
                .containsExactlyInAnyOrder("dynamodb:Query@Orders", "dynamodb:BatchGetItem@Orders");
        assertThat(dynamoActionsOf("Health")).isEmpty();
        assertThat(dynamoActionsOf("Readiness"))
                .containsExactlyInAnyOrder(
                        "dynamodb:DescribeTable@Orders",
                        "dynamodb:DescribeTable@Inventory",
                        "dynamodb:DescribeTable@FulfillmentCenters",
                        "dynamodb:DescribeTable@Products");
        assertThat(dynamoActionsOf("ReserveStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:UpdateItem@Orders",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:DeleteItem@Orders",
                        "dynamodb:Query@Inventory",
                        "dynamodb:BatchGetItem@Inventory",
                        "dynamodb:UpdateItem@Inventory",
                        "dynamodb:Scan@FulfillmentCenters");
        assertThat(dynamoActionsOf("TakePayment")).containsExactlyInAnyOrder(ORDER_WRITES);
        assertThat(dynamoActionsOf("HandOverShipments"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:UpdateItem@Orders",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:Scan@FulfillmentCenters");
        assertThat(dynamoActionsOf("ConfirmShipped"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:UpdateItem@Orders",
                        "dynamodb:PutItem@Orders",
                        "dynamodb:DeleteItem@Orders",
                        "dynamodb:UpdateItem@Inventory");
        assertThat(dynamoActionsOf("RefundPayment")).containsExactly("dynamodb:GetItem@Orders");
        assertThat(dynamoActionsOf("ReleaseStock"))
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem@Orders",
                        "dynamodb:DeleteItem@Orders",
                        "dynamodb:UpdateItem@Inventory");
        assertThat(dynamoActionsOf("CloseOrder")).containsExactlyInAnyOrder(ORDER_WRITES);
        assertThat(dynamoActionsOf("DescribeCaller")).isEmpty();
    }

    @Test
    void onlyTheOutboxRelay_startsExecutions_andOnlyOnTheSaga() {
        for (String function : synth.stack.functions.all().keySet()) {
            List<String> starts = actionsOf(function, "states:StartExecution");
            if (function.equals("StartFulfillment")) {
                assertThat(starts).containsExactly("{\"Ref\":\"" + stateMachineId() + "\"}");
            } else {
                assertThat(starts).as(function).isEmpty();
            }
        }
    }

    @Test
    void onlyTheReadinessCheck_describesTheSaga_andOnlyTheSaga() {
        for (String function : synth.stack.functions.all().keySet()) {
            List<String> describes = actionsOf(function, "states:DescribeStateMachine");
            if (function.equals("Readiness")) {
                assertThat(describes).containsExactly("{\"Ref\":\"" + stateMachineId() + "\"}");
                assertThat(statementsOf(function))
                        .as("describing is all the readiness check may do")
                        .allSatisfy(
                                statement ->
                                        assertThat(strings(statement.get("Action")))
                                                .allMatch(
                                                        a ->
                                                                a.startsWith("logs:")
                                                                        || a.startsWith("xray:")
                                                                        || a.equals(
                                                                                "secretsmanager:GetSecretValue")
                                                                        || a.startsWith(
                                                                                "dynamodb:DescribeTable")
                                                                        || a.equals(
                                                                                "states:DescribeStateMachine")));
            } else {
                assertThat(describes).as(function).isEmpty();
            }
        }
    }

    @Test
    void onlyTheFulfillmentWorker_andTheWarehouseCallback_answerTaskTokens() {
        for (String function : synth.stack.functions.all().keySet()) {
            for (String action :
                    List.of(
                            "states:SendTaskSuccess",
                            "states:SendTaskFailure",
                            "states:SendTaskHeartbeat")) {
                if (function.equals("FulfillShipment") || function.equals("ReportShipmentEvent")) {
                    assertThat(actionsOf(function, action)).containsExactly("\"*\"");
                } else {
                    assertThat(actionsOf(function, action)).as(function).isEmpty();
                }
            }
        }
    }

    @Test
    void onlyTheFunctionsBehindTheApi_readTheOriginSecret_andOnlyThatSecret() {
        var secrets = synth.resources("AWS::SecretsManager::Secret");
        if (!(synth.stack.placement instanceof Placement.InRegion)) {
            assertThat(secrets).isEmpty();
            return;
        }
        assertThat(secrets).hasSize(1);
        String secret = "{\"Ref\":\"" + secrets.get(0).getKey() + "\"}";
        String integrations = synth.resources("AWS::ApiGatewayV2::Integration").toString();
        for (String function : synth.stack.functions.all().keySet()) {
            List<String> reads = actionsOf(function, "secretsmanager:GetSecretValue");
            if (integrations.contains("\"" + function + "Live")) {
                assertThat(reads).as(function).containsExactly(secret);
                assertThat(environmentOf(function).get("ORIGIN_VERIFY_SECRET_ARN").toString())
                        .as(function)
                        .isEqualTo(secret);
            } else {
                assertThat(reads).as(function).isEmpty();
                assertThat(environmentOf(function).has("ORIGIN_VERIFY_SECRET_ARN"))
                        .as(function)
                        .isFalse();
            }
        }
    }

    private JsonNode environmentOf(String function) {
        return synth.resources("AWS::Lambda::Function").stream()
                .filter(f -> f.getKey().startsWith(function + "Function"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .at("/Properties/Environment/Variables");
    }

    private String stateMachineId() {
        return synth.resources("AWS::StepFunctions::StateMachine").get(0).getKey();
    }

    /** The resources (as JSON) on which a function's role allows an action. */
    private List<String> actionsOf(String function, String action) {
        return statementsOf(function).stream()
                .filter(statement -> strings(statement.get("Action")).contains(action))
                .map(statement -> statement.get("Resource").toString())
                .toList();
    }

    /**
     * "action@Table" for every DynamoDB statement in the policy of a function's role. TableV2's
     * stream grant (a multi-region stack's Orders) also allows ListStreams on the stream's ARN,
     * which IAM never matches (ListStreams takes no resource; aws-cdk PR 34575): it grants nothing,
     * and the statement on {@code *} the stack adds is the one that counts.
     */
    private List<String> dynamoActionsOf(String function) {
        return statementsOf(function).stream()
                .flatMap(statement -> dynamoActions(statement).stream())
                .filter(action -> !action.equals("dynamodb:ListStreams@Orders"))
                .toList();
    }

    /** A global table's fixed name in a multi-region stack, e.g. orderflow-test-orders. */
    private static final Map<String, String> GLOBAL_NAMES =
            Map.of(
                    "orders", "Orders",
                    "products", "Products",
                    "fulfillment-centers", "FulfillmentCenters",
                    "order-archive", "OrderArchive",
                    "inventory", "Inventory");

    private static List<String> dynamoActions(JsonNode statement) {
        String resource = statement.get("Resource").toString();
        java.util.regex.Matcher table =
                java.util.regex.Pattern.compile("\"Data([A-Za-z]+?)(StreamDescribe)?[0-9A-F]{8}\"")
                        .matcher(resource);
        java.util.regex.Matcher named =
                java.util.regex.Pattern.compile(":table/orderflow-test-([a-z-]+)")
                        .matcher(resource);
        String name =
                table.find()
                        ? table.group(1)
                        : named.find() ? GLOBAL_NAMES.get(named.group(1)) : resource;
        return strings(statement.get("Action")).stream()
                .filter(a -> a.startsWith("dynamodb:"))
                .map(a -> a + "@" + name)
                .toList();
    }
}
