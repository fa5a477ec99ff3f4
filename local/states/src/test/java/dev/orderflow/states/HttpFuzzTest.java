package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.protocol.fuzz.FuzzRun;
import dev.orderflow.protocol.fuzz.FuzzTarget;
import dev.orderflow.protocol.fuzz.MalformedRequests;
import dev.orderflow.protocol.fuzz.RawAnswer;
import dev.orderflow.states.api.StateMachineType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded malformed requests to the Step Functions API over HTTP, four connections at a time,
 * among them definitions with deeply nested JSONata, intrinsic functions, paths and choice rules:
 * no 5xx, every client error an AWS JSON error, no request unanswered within the client's timeout,
 * no connection dropped.
 */
class HttpFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/fuzz";
    private static final String DEFINITION =
            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":"
                    + "{\"x.$\":\"States.Format('{}-{}', $.a, States.ArrayLength($.b))\"},"
                    + "\"Next\":\"C\"},\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":"
                    + "\"$.x\",\"StringEquals\":\"1-2\",\"Next\":\"D\"}],\"Default\":\"D\"},"
                    + "\"D\":{\"Type\":\"Succeed\"}}}";
    private static final String JSONATA_DEFINITION =
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":"
                    + "\"Pass\",\"Output\":\"{% $states.input.a & $string($count([1,2])) %}\","
                    + "\"End\":true}}}";

    @Test
    void malformedRequests_getAwsErrors_neverA5xxTimeoutOrDroppedConnection() throws Exception {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start()) {
            StepFunctionsEngine engine = server.engine();
            String machine =
                    engine.createStateMachine("fuzz", DEFINITION, ROLE, StateMachineType.STANDARD)
                            .stateMachineArn();
            String execution =
                    engine.startExecution(
                                    machine,
                                    java.util.Optional.of("first"),
                                    java.util.Optional.of("{\"a\":1,\"b\":[1,2]}"))
                            .executionArn();
            FuzzTarget target =
                    new FuzzTarget(
                            "AWSStepFunctions",
                            "states",
                            8 * 1024 * 1024,
                            valid(machine, execution),
                            hostileDefinitions());
            FuzzRun.Report report =
                    new FuzzRun(
                                    "127.0.0.1",
                                    server.endpoint().getPort(),
                                    4,
                                    10_000,
                                    RawAnswer::isAwsJsonError)
                            .run(new MalformedRequests(target, 20261202L).next(10_000));

            System.out.println("Step Functions HTTP fuzz: " + report.summary());
            assertThat(report.unexpected()).as(report.summary()).isEmpty();
            assertThat(report.timeouts()).as(report.summary()).isEmpty();
            assertThat(report.dropped()).as(report.summary()).isEmpty();
            assertThat(report.awsClientErrors()).isGreaterThan(5_000);
        }
    }

    private static Map<String, String> valid(String machine, String execution) {
        return Map.ofEntries(
                Map.entry(
                        "CreateStateMachine",
                        json("name", "m1", "definition", JSONATA_DEFINITION, "roleArn", ROLE)),
                Map.entry(
                        "ValidateStateMachineDefinition",
                        json("definition", DEFINITION, "type", "STANDARD")),
                Map.entry(
                        "UpdateStateMachine",
                        json("stateMachineArn", machine, "definition", DEFINITION)),
                Map.entry("DescribeStateMachine", json("stateMachineArn", machine)),
                Map.entry("ListStateMachines", "{\"maxResults\":10}"),
                Map.entry(
                        "StartExecution",
                        json("stateMachineArn", machine, "input", "{\"a\":2,\"b\":[3]}")),
                Map.entry("DescribeExecution", json("executionArn", execution)),
                Map.entry(
                        "ListExecutions",
                        json("stateMachineArn", machine, "statusFilter", "SUCCEEDED")),
                Map.entry(
                        "GetExecutionHistory",
                        json("executionArn", execution, "reverseOrder", "true")),
                Map.entry("StopExecution", json("executionArn", execution, "error", "E")),
                Map.entry("SendTaskSuccess", json("taskToken", "AAAA", "output", "{\"ok\":true}")),
                Map.entry("SendTaskFailure", json("taskToken", "AAAA", "error", "E")),
                Map.entry("SendTaskHeartbeat", json("taskToken", "AAAA")),
                Map.entry(
                        "TestState",
                        json(
                                "definition",
                                "{\"Type\":\"Pass\",\"Parameters\":{\"y.$\":\"$.a\"},\"End\":true}",
                                "roleArn",
                                ROLE,
                                "input",
                                "{\"a\":1}")));
    }

    /** Definitions whose expressions nest far deeper than any real one. */
    private static List<String> hostileDefinitions() {
        int deep = 10_000;
        String pass = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",%s,\"End\":true}}}";
        String jsonata =
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":"
                        + "\"Pass\",\"Output\":\"%s\",\"End\":true}}}";
        String not =
                "{\"Not\":".repeat(3000)
                        + "{\"Variable\":\"$.a\",\"IsPresent\":true}"
                        + "}".repeat(3000);
        return List.of(
                String.format(
                        pass,
                        "\"Parameters\":{\"x.$\":\""
                                + "States.Format('{}', ".repeat(deep)
                                + "1"
                                + ")".repeat(deep)
                                + "\"}"),
                String.format(
                        pass,
                        "\"Parameters\":{\"x.$\":\""
                                + "States.Array(".repeat(deep)
                                + ")".repeat(deep)
                                + "\"}"),
                String.format(pass, "\"InputPath\":\"$" + ".a".repeat(deep) + "\""),
                String.format(pass, "\"InputPath\":\"$" + "[0]".repeat(deep) + "\""),
                String.format(jsonata, "{% " + "(".repeat(deep) + "1" + ")".repeat(deep) + " %}"),
                String.format(
                        jsonata, "{% " + "$string(".repeat(deep) + "1" + ")".repeat(deep) + " %}"),
                String.format(jsonata, "{% " + "[".repeat(deep) + "]".repeat(deep) + " %}"),
                String.format(jsonata, "{% " + "-".repeat(deep) + "1 %}"),
                String.format(jsonata, "{% " + "1+".repeat(deep) + "1 %}"),
                "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Next\":"
                        + "\"D\",\"And\":["
                        + not
                        + "]}],\"Default\":\"D\"},\"D\":{\"Type\":\"Succeed\"}}}",
                "{\"a\":" + "[".repeat(deep) + "]".repeat(deep) + "}",
                "[".repeat(deep) + "]".repeat(deep));
    }

    private static String json(String... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }
}
