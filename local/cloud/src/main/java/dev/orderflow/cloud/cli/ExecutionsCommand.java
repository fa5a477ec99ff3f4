package dev.orderflow.cloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** {@code ./orderflow executions [list|describe ARN|history ARN]} over the Step Functions API. */
final class ExecutionsCommand {

    private final PrintStream out;

    ExecutionsCommand(PrintStream out, PrintStream err) {
        this.out = out;
    }

    int run(Options o) {
        EdgeCalls edge = new EdgeCalls(o.port("port", 4566));
        String sub = o.words.size() > 1 ? o.words.get(1) : "list";
        try {
            switch (sub) {
                case "list":
                    list(edge);
                    return 0;
                case "describe":
                    print(
                            edge.awsJson(
                                    "AWSStepFunctions.DescribeExecution",
                                    Json.object().put("executionArn", o.word(2, "execution ARN"))));
                    return 0;
                case "history":
                    history(edge, o.word(2, "execution ARN"));
                    return 0;
                default:
                    throw new IllegalArgumentException("executions list|describe ARN|history ARN");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private void list(EdgeCalls edge) throws IOException {
        JsonNode machines = edge.awsJson("AWSStepFunctions.ListStateMachines", Json.object());
        for (JsonNode machine : machines.path("stateMachines")) {
            String arn = machine.path("stateMachineArn").asText();
            out.println(arn);
            JsonNode executions =
                    edge.awsJson(
                            "AWSStepFunctions.ListExecutions",
                            Json.object().put("stateMachineArn", arn));
            if (executions.path("executions").isEmpty()) {
                out.println("  (no executions)");
            }
            for (JsonNode e : executions.path("executions")) {
                out.printf(
                        "  %-10s %s  %s%n",
                        e.path("status").asText(),
                        date(e.path("startDate")),
                        e.path("executionArn").asText());
            }
        }
    }

    /** The API sends epoch seconds with a fraction. */
    private static String date(JsonNode epochSeconds) {
        if (!epochSeconds.isNumber()) {
            return epochSeconds.asText();
        }
        return java.time.Instant.ofEpochMilli((long) (epochSeconds.asDouble() * 1000)).toString();
    }

    private void history(EdgeCalls edge, String arn) throws IOException {
        JsonNode history =
                edge.awsJson(
                        "AWSStepFunctions.GetExecutionHistory",
                        Json.object().put("executionArn", arn));
        for (JsonNode event : history.path("events")) {
            String details = "";
            var fields = event.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                if (f.endsWith("EventDetails")) {
                    details = Json.text(event.get(f));
                }
            }
            out.printf(
                    "%3s %-28s %s%n",
                    event.path("id").asText(), event.path("type").asText(), details);
        }
    }

    private void print(JsonNode json) {
        try {
            out.println(
                    Json.mapper()
                            .copy()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
