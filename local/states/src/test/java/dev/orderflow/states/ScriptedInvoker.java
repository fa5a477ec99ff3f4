package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderflow.states.spi.TaskInvoker;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory fake of the task port: per state, a script of outcomes consumed in order (the last one
 * repeats): {@code Return} a value, {@code Throw} an error, or {@code ReturnStringOfLength} n
 * characters; unscripted states echo their parameters. Records every request.
 */
final class ScriptedInvoker implements TaskInvoker {
    private static final JsonNodeFactory JSON_NODES = JsonNodeFactory.instance;
    private final Map<String, List<TaskOutcome>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    final List<TaskRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedInvoker script(String state, TaskOutcome... outcomes) {
        scripts.put(state, new ArrayList<>(List.of(outcomes)));
        return this;
    }

    static ScriptedInvoker fromJson(JsonNode responses) {
        ScriptedInvoker inv = new ScriptedInvoker();
        if (responses != null) {
            responses
                    .properties()
                    .iterator()
                    .forEachRemaining(
                            e -> {
                                List<TaskOutcome> list = new ArrayList<>();
                                for (JsonNode r : e.getValue()) {
                                    if (r.has("Throw")) {
                                        list.add(
                                                TaskOutcome.failure(
                                                        r.get("Throw").path("Error").asText(),
                                                        r.get("Throw").path("Cause").asText()));
                                    } else if (r.has("ReturnStringOfLength")) {
                                        // A result too large to write out in a case file.
                                        int n = r.get("ReturnStringOfLength").asInt();
                                        list.add(
                                                TaskOutcome.success(
                                                        JSON_NODES.textNode("x".repeat(n))));
                                    } else {
                                        list.add(TaskOutcome.success(r.get("Return")));
                                    }
                                }
                                inv.scripts.put(e.getKey(), list);
                            });
        }
        return inv;
    }

    @Override
    public TaskOutcome invoke(TaskRequest request) {
        requests.add(request);
        List<TaskOutcome> script = scripts.get(request.stateName());
        if (script == null) {
            return TaskOutcome.success(request.parameters());
        }
        int n = calls.merge(request.stateName(), 1, Integer::sum) - 1;
        return script.get(Math.min(n, script.size() - 1));
    }
}
