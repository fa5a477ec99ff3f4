package dev.orderflow.cloud.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.PhysicalIds;
import dev.orderflow.cloud.internal.template.StateMachineSpec;
import java.util.ArrayList;
import java.util.List;

/** Creates the template's state machines in the Step Functions engine through its API. */
public final class StateMachines {

    private StateMachines() {}

    public static List<String> provision(
            AwsJsonClient sfn, List<StateMachineSpec> machines, PhysicalIds ids) {
        List<String> lines = new ArrayList<>();
        for (StateMachineSpec machine : machines) {
            ObjectNode request =
                    Json.object()
                            .put("name", machine.name())
                            .put("definition", machine.definition())
                            .put("roleArn", "arn:aws:iam::" + ids.account() + ":role/local")
                            .put("type", machine.type());
            String arn;
            try {
                arn = createOrUpdate(sfn, request);
            } catch (AwsCallException e) {
                throw new IllegalStateException(
                        "state machine " + machine.logicalId() + ": " + e.getMessage(), e);
            }
            ids.overrideRef(machine.logicalId(), arn);
            ids.overrideAttribute(machine.logicalId(), "Arn", arn);
            lines.add("workflow " + arn + " (" + machine.type() + ")");
        }
        return lines;
    }

    /**
     * Creates the machine; one kept in the data directory from an earlier run with another
     * definition is updated to the template's (its executions keep the definition they started
     * with).
     */
    private static String createOrUpdate(AwsJsonClient sfn, ObjectNode request) {
        try {
            return sfn.call("CreateStateMachine", request).path("stateMachineArn").asText();
        } catch (AwsCallException e) {
            if (!e.code().endsWith("StateMachineAlreadyExists")) {
                throw e;
            }
            String arn = null;
            for (JsonNode m : sfn.call("ListStateMachines", Json.object()).path("stateMachines")) {
                if (m.path("name").asText().equals(request.path("name").asText())) {
                    arn = m.path("stateMachineArn").asText();
                }
            }
            if (arn == null) {
                throw e;
            }
            sfn.call(
                    "UpdateStateMachine",
                    Json.object()
                            .put("stateMachineArn", arn)
                            .put("definition", request.path("definition").asText()));
            return arn;
        }
    }
}
