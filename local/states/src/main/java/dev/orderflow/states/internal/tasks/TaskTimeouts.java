package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.eval.DataFlow;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.templates.PayloadTemplate;

/**
 * A Task state's {@code TimeoutSeconds} and {@code HeartbeatSeconds}: literal, from a path, or a
 * JSONata template, each a positive integer or the task fails with {@code States.Runtime}.
 */
final class TaskTimeouts {

    private TaskTimeouts() {}

    static Long timeoutOf(StateRun run, State.Task task) {
        return seconds(run, task.timeoutSeconds(), task.timeoutSecondsPath(), "TimeoutSeconds");
    }

    static Long heartbeatOf(StateRun run, State.Task task) {
        return seconds(
                run, task.heartbeatSeconds(), task.heartbeatSecondsPath(), "HeartbeatSeconds");
    }

    static Long seconds(StateRun run, JsonNode value, String path, String field) {
        JsonNode v = value;
        if (path != null) {
            v = PayloadTemplate.path(path).require(run.roots(DataFlow.effectiveInput(run)));
        } else if (v != null && v.isTextual()) {
            v = run.services().jsonata().evaluateTemplate(v, run.jsonataScope(null, null));
        }
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw StatesFailure.runtime(
                    "The " + field + " value must be a positive integer but was " + v);
        }
        return v.asLong();
    }
}
