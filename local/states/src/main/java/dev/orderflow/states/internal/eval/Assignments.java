package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.jsonata.JsonataScope;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates {@code Assign} (AWS docs "Passing data between states with variables"). All expressions
 * see the variable values from before the state; the batch is committed at exit.
 */
public final class Assignments {
    private Assignments() {}

    /**
     * JSONPath Assign: {@code $} is {@code value} (the state's result, or error output in Catch).
     */
    public static Map<String, JsonNode> jsonPath(StateRun run, JsonNode assign, JsonNode value) {
        if (assign == null) {
            return null;
        }
        return toMap(run.services().templates().evaluate(assign, run.roots(value)));
    }

    /** JSONata Assign, evaluated in {@code scope}. */
    public static Map<String, JsonNode> jsonata(StateRun run, JsonNode assign, JsonataScope scope) {
        return jsonata(run, assign, scope, "Assign");
    }

    /**
     * JSONata Assign, evaluated in {@code scope}; failures name the field {@code field} ({@code
     * Assign}, {@code Choices[0]/Assign}, {@code Catch[1]/Assign}).
     */
    public static Map<String, JsonNode> jsonata(
            StateRun run, JsonNode assign, JsonataScope scope, String field) {
        if (assign == null) {
            return null;
        }
        JsonNode evaluated = run.services().jsonata().evaluateField(assign, scope, field);
        if (evaluated == null || !evaluated.isObject()) {
            throw new StatesFailure(
                    "States.QueryEvaluationError",
                    "The Assign field must evaluate to a JSON object");
        }
        return toMap(evaluated);
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
