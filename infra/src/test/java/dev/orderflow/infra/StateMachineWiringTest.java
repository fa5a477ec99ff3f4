package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ASL files in {@code statemachines/} and the stack agree: every {@code ${...}} placeholder is
 * substituted with a resource of the stack, and every Task calls something the stack defines and
 * lets the state machine call.
 */
class StateMachineWiringTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** Service integrations the definitions may use, and the IAM action each needs. */
    private static final Map<String, String> INTEGRATION_ACTIONS =
            Map.of(
                    "dynamodb:updateItem", "dynamodb:UpdateItem",
                    "dynamodb:putItem", "dynamodb:PutItem",
                    "dynamodb:getItem", "dynamodb:GetItem",
                    "dynamodb:deleteItem", "dynamodb:DeleteItem",
                    "sqs:sendMessage", "sqs:SendMessage",
                    "lambda:invoke", "lambda:InvokeFunction");

    private final SynthesizedStack synth = SynthesizedStack.get();
    private final ObjectMapper json = new ObjectMapper();

    private Path definitionFile() {
        return RepositoryLayout.locate().stateMachine("order-fulfillment");
    }

    private JsonNode stateMachine() {
        return synth.resources("AWS::StepFunctions::StateMachine")
                .get(0)
                .getValue()
                .get("Properties");
    }

    @Test
    void everyPlaceholder_isSubstitutedWithAResourceOfTheStack() throws IOException {
        Set<String> placeholders = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(definitionFile()));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        JsonNode substitutions = stateMachine().get("DefinitionSubstitutions");
        Set<String> supplied = new HashSet<>();
        substitutions.fieldNames().forEachRemaining(supplied::add);

        assertThat(supplied).isEqualTo(placeholders);
        substitutions.forEach(
                value ->
                        assertThat(synth.resource(referencedLogicalId(value)))
                                .as(value.toString())
                                .isNotNull());
    }

    @Test
    void theTemplate_inlinesTheFileUnchanged() throws IOException {
        JsonNode inTemplate = json.readTree(stateMachine().get("DefinitionString").asText());
        assertThat(inTemplate).isEqualTo(json.readTree(definitionFile().toFile()));
    }

    @Test
    void everyTask_callsAnIntegrationTheRoleAllowsOnTheSubstitutedResource() throws IOException {
        JsonNode definition = json.readTree(definitionFile().toFile());
        List<JsonNode> tasks = new ArrayList<>();
        collectTasks(definition.get("States"), tasks);
        assertThat(tasks).isNotEmpty();

        String policies = policiesOfStateMachineRole();
        for (JsonNode task : tasks) {
            String resource = task.get("Resource").asText();
            String integration =
                    resource.replaceFirst("^arn:aws:states:::", "")
                            .replaceFirst("\\.(sync|waitForTaskToken).*$", "");
            String action = INTEGRATION_ACTIONS.get(integration);
            assertThat(action).as("Task resource %s is a known integration", resource).isNotNull();
            assertThat(policies).as("role allows " + action).contains("\"" + action + "\"");
            Matcher target = PLACEHOLDER.matcher(task.get("Parameters").toString());
            assertThat(target.find())
                    .as("Task %s targets a substituted resource", resource)
                    .isTrue();
            String logicalId =
                    referencedLogicalId(
                            stateMachine().get("DefinitionSubstitutions").get(target.group(1)));
            assertThat(policies).as(action + " scoped to " + logicalId).contains(logicalId);
        }
    }

    private String policiesOfStateMachineRole() {
        String role = stateMachine().at("/RoleArn/Fn::GetAtt/0").asText();
        StringBuilder all = new StringBuilder();
        synth.resources("AWS::IAM::Policy").stream()
                .filter(p -> p.getValue().at("/Properties/Roles").toString().contains(role))
                .forEach(p -> all.append(p.getValue().at("/Properties/PolicyDocument").toString()));
        return all.toString();
    }

    private static void collectTasks(JsonNode states, List<JsonNode> into) {
        states.forEach(
                state -> {
                    if ("Task".equals(state.path("Type").asText())) {
                        into.add(state);
                    }
                    Stream.of("ItemProcessor", "Iterator")
                            .map(state::get)
                            .filter(java.util.Objects::nonNull)
                            .forEach(p -> collectTasks(p.get("States"), into));
                    if (state.has("Branches")) {
                        state.get("Branches").forEach(b -> collectTasks(b.get("States"), into));
                    }
                });
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points to. */
    private static String referencedLogicalId(JsonNode value) {
        if (value.has("Ref")) {
            return value.get("Ref").asText();
        }
        if (value.has("Fn::GetAtt")) {
            return value.get("Fn::GetAtt").get(0).asText();
        }
        throw new AssertionError("substitution is not a reference to a resource: " + value);
    }
}
