package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to each state of an execution, read from its history, for the graph's colours:
 * {@code succeeded}, {@code retried} (failed, then succeeded on a retry), {@code caught} (failed
 * and left through a Catch), {@code failed} (the execution ended in it), {@code running}. A state
 * missing from the answer was not reached. A state entered several times (a loop, the iterations of
 * a Map) takes the gravest of its runs; its input and output are those of its last run.
 */
final class StateOutcomes {

    /** From least to most grave: a state shows the gravest of its runs. */
    private static final List<String> GRAVITY =
            List.of("succeeded", "retried", "caught", "failed", "running");

    private final Map<String, Run> states = new LinkedHashMap<>();

    /** The states entered and not yet exited, innermost last (Map and Parallel nest). */
    private final List<Run> open = new ArrayList<>();

    private static final class Run {
        String outcome = "succeeded";
        int entries;
        int failures;
        boolean failedLast;
        JsonNode input;
        JsonNode output;
        String error;
        String cause;
    }

    private StateOutcomes() {}

    static ObjectNode of(JsonNode events, String executionStatus) {
        StateOutcomes outcomes = new StateOutcomes();
        events.forEach(outcomes::read);
        return outcomes.answer(executionStatus);
    }

    private void read(JsonNode event) {
        String type = event.path("type").asText();
        JsonNode entered = event.path("stateEnteredEventDetails");
        JsonNode exited = event.path("stateExitedEventDetails");
        if (type.endsWith("StateEntered") && entered.isObject()) {
            Run run = states.computeIfAbsent(entered.path("name").asText(), n -> new Run());
            run.entries++;
            run.failedLast = false;
            run.input = parsed(entered.path("input"));
            open.add(run);
        } else if (type.endsWith("StateExited") && exited.isObject()) {
            Run run = states.get(exited.path("name").asText());
            if (run != null) {
                run.output = parsed(exited.path("output"));
                // a Catch exits the state right after its last failure
                settle(run, run.failedLast ? "caught" : run.failures > 0 ? "retried" : "succeeded");
                open.remove(run);
            }
        } else if (!open.isEmpty() && type.startsWith("Execution")) {
            // a Fail state, or a failure nothing caught: the execution ends in the open state
            Run innermost = open.get(open.size() - 1);
            JsonNode failure = failure(event);
            if (failure != null && innermost.error == null) {
                innermost.error = failure.path("error").asText(null);
                innermost.cause = failure.path("cause").asText(null);
            }
        } else if (!open.isEmpty()) {
            Run innermost = open.get(open.size() - 1);
            JsonNode failure = failure(event);
            if (failure != null) {
                innermost.failures++;
                innermost.failedLast = true;
                innermost.error = failure.path("error").asText(null);
                innermost.cause = failure.path("cause").asText(null);
            } else if (type.endsWith("Scheduled") || type.endsWith("Succeeded")) {
                innermost.failedLast = false; // a retry is under way
            }
        }
    }

    /** The details of a failure event (any {@code *EventDetails} naming an error), or null. */
    private static JsonNode failure(JsonNode event) {
        if (!event.path("type").asText().matches(".*(Failed|TimedOut|Aborted)$")) {
            return null;
        }
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("EventDetails") && event.path(name).has("error")) {
                return event.path(name);
            }
        }
        return Json.object().put("error", event.path("type").asText());
    }

    private static void settle(Run run, String outcome) {
        if (GRAVITY.indexOf(outcome) > GRAVITY.indexOf(run.outcome)) {
            run.outcome = outcome;
        }
    }

    private ObjectNode answer(String executionStatus) {
        // what is still open stopped the execution there, or is running now
        for (Run run : open) {
            settle(run, executionStatus.equals("RUNNING") ? "running" : "failed");
        }
        ObjectNode out = Json.object();
        states.forEach(
                (name, run) -> {
                    ObjectNode state = out.putObject(name);
                    state.put("outcome", run.outcome);
                    state.put("entries", run.entries);
                    state.put("failures", run.failures);
                    state.set("input", run.input);
                    state.set("output", run.output);
                    state.put("error", run.error);
                    state.put("cause", run.cause);
                });
        return out;
    }

    private static JsonNode parsed(JsonNode text) {
        if (!text.isTextual()) {
            return text.isMissingNode() ? null : text;
        }
        try {
            return Json.parse(text.asText());
        } catch (IllegalArgumentException notJson) {
            return text;
        }
    }
}
