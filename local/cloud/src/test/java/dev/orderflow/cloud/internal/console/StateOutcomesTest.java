package dev.orderflow.cloud.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Histories whose concurrent threads interleave, as AWS records them (the engine's conformance
 * cases {@code parallel/failure-cut} and {@code map/failure-cut}): each event goes to its branch or
 * iteration by {@code previousEventId}, a cut sibling's Aborted event included.
 */
class StateOutcomesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailingBranch_cutsTheOther_whoseWaitIsAborted() throws Exception {
        JsonNode definition =
                JSON.readTree(
                        """
                        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                          {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 100, "End": true}}},
                          {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 1, "Next": "F"},
                            "F": {"Type": "Fail", "Error": "Broken", "Cause": "branch 2"}}}]}}}
                        """);
        ArrayNode events = JSON.createArrayNode();
        event(events, 1, 0, "ExecutionStarted", null);
        event(events, 2, 1, "ParallelStateEntered", "P");
        event(events, 3, 2, "ParallelStateStarted", null);
        event(events, 4, 3, "WaitStateEntered", "Long");
        event(events, 5, 3, "WaitStateEntered", "Pause");
        event(events, 6, 5, "WaitStateExited", "Pause");
        event(events, 7, 6, "FailStateEntered", "F");
        event(events, 8, 7, "WaitStateAborted", null);
        event(events, 9, 7, "ParallelStateFailed", null);
        event(events, 10, 9, "ExecutionFailed", null)
                .putObject("executionFailedEventDetails")
                .put("error", "Broken")
                .put("cause", "branch 2");

        ObjectNode outcomes = StateOutcomes.of(events, "FAILED", definition);

        JsonNode branches = outcomes.at("/branches/P");
        assertThat(branches).hasSize(2);
        assertThat(branches.at("/0/outcome").asText()).isEqualTo("aborted");
        assertThat(branches.at("/0/states/Long/outcome").asText()).isEqualTo("aborted");
        assertThat(branches.at("/0/events").toString()).isEqualTo("[4,8]");
        assertThat(branches.at("/1/outcome").asText()).isEqualTo("failed");
        assertThat(branches.at("/1/states/Pause/outcome").asText()).isEqualTo("succeeded");
        assertThat(branches.at("/1/states/F/outcome").asText()).isEqualTo("failed");
        assertThat(branches.at("/1/events").toString()).isEqualTo("[5,6,7]");
        assertThat(outcomes.at("/states/P/outcome").asText()).isEqualTo("failed");
        assertThat(outcomes.at("/states/P/error").asText()).isEqualTo("Broken");
    }

    @Test
    void aFailingIteration_cutsTheOther_andEachKeepsItsOwnEvents() throws Exception {
        JsonNode definition =
                JSON.readTree(
                        """
                        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                          "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$", "Next": "C"},
                            "C": {"Type": "Fail", "Error": "Broken"}}}}}}
                        """);
        ArrayNode events = JSON.createArrayNode();
        event(events, 1, 0, "ExecutionStarted", null);
        event(events, 2, 1, "MapStateEntered", "M");
        event(events, 3, 2, "MapStateStarted", null);
        iteration(events, 4, 3, "MapIterationStarted", 0);
        iteration(events, 5, 3, "MapIterationStarted", 1);
        event(events, 6, 4, "WaitStateEntered", "W");
        event(events, 7, 5, "WaitStateEntered", "W");
        event(events, 8, 6, "WaitStateExited", "W");
        event(events, 9, 8, "FailStateEntered", "C");
        iteration(events, 10, 9, "MapIterationAborted", 1);
        event(events, 11, 9, "WaitStateAborted", null);
        iteration(events, 12, 9, "MapIterationFailed", 0);
        event(events, 13, 9, "MapStateFailed", null);
        event(events, 14, 13, "ExecutionFailed", null);

        ObjectNode outcomes = StateOutcomes.of(events, "FAILED", definition);

        JsonNode iterations = outcomes.at("/iterations/M");
        assertThat(iterations.at("/0/index").asInt()).isZero();
        assertThat(iterations.at("/0/outcome").asText()).isEqualTo("failed");
        assertThat(iterations.at("/0/states/C/outcome").asText()).isEqualTo("failed");
        assertThat(iterations.at("/0/events").toString()).isEqualTo("[4,6,8,9,12]");
        assertThat(iterations.at("/1/outcome").asText()).isEqualTo("aborted");
        assertThat(iterations.at("/1/states/W/outcome").asText()).isEqualTo("aborted");
        assertThat(iterations.at("/1/states").has("C")).isFalse();
        assertThat(iterations.at("/1/events").toString()).isEqualTo("[5,7,10,11]");
        assertThat(outcomes.at("/states/W/entries").asInt()).isEqualTo(2);
        assertThat(outcomes.at("/states/M/outcome").asText()).isEqualTo("failed");
    }

    private static ObjectNode event(
            ArrayNode events, long id, long previous, String type, String state) {
        ObjectNode event = events.addObject().put("id", id).put("type", type);
        if (previous > 0) {
            event.put("previousEventId", previous);
        }
        if (state != null) {
            String details =
                    type.endsWith("Entered")
                            ? "stateEnteredEventDetails"
                            : "stateExitedEventDetails";
            event.putObject(details).put("name", state).put("input", "{}");
        }
        return event;
    }

    private static void iteration(
            ArrayNode events, long id, long previous, String type, int index) {
        String details = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
        event(events, id, previous, type, null)
                .putObject(details)
                .put("name", "M")
                .put("index", index);
    }
}
