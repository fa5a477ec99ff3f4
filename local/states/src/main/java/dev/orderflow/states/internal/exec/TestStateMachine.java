package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Wraps a single state definition (TestState) into a runnable machine: the state itself, minus
 * Retry, and a Succeed stub for every state it can transition to.
 */
public final class TestStateMachine {
    /** The name given to the tested state. */
    public static final String NAME = "TestState";

    private TestStateMachine() {}

    /** The wrapping definition as JSON text. @throws StepFunctionsException InvalidDefinition */
    public static String wrap(String stateDefinition) {
        return wrap(stateDefinition, false);
    }

    /**
     * The wrapping definition as JSON text, keeping the state's Retry when {@code keepRetry} (to
     * read the retriers, not to run them). @throws StepFunctionsException InvalidDefinition
     */
    public static String wrap(String stateDefinition, boolean keepRetry) {
        JsonNode state;
        try {
            state = Json.parse(stateDefinition);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "InvalidDefinition",
                    "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                            + e.getMessage()
                            + "'");
        }
        if (!state.isObject()) {
            throw new StepFunctionsException(
                    "InvalidDefinition",
                    "Invalid State Machine Definition: 'the state must be an object'");
        }
        ObjectNode copy = ((ObjectNode) state).deepCopy();
        if (!keepRetry) {
            copy.remove("Retry");
        }
        Set<String> targets = new LinkedHashSet<>();
        add(targets, copy.get("Next"));
        add(targets, copy.get("Default"));
        copy.path("Choices").forEach(c -> add(targets, c.get("Next")));
        copy.path("Catch").forEach(c -> add(targets, c.get("Next")));
        ObjectNode machine = Json.object();
        if (copy.has("QueryLanguage")) {
            machine.put("QueryLanguage", copy.get("QueryLanguage").asText());
        }
        machine.put("StartAt", NAME);
        ObjectNode states = machine.putObject("States");
        states.set(NAME, copy);
        for (String t : targets) {
            ObjectNode stub = states.putObject(t);
            stub.put("Type", "Succeed");
            if (copy.has("QueryLanguage")) {
                stub.put("QueryLanguage", copy.get("QueryLanguage").asText());
            }
        }
        return Json.write(machine);
    }

    private static void add(Set<String> targets, JsonNode name) {
        if (name != null && name.isTextual() && !name.asText().equals(NAME)) {
            targets.add(name.asText());
        }
    }
}
