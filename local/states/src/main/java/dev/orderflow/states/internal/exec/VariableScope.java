package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables visible in one scope. Parallel branches and Map iterations get a child scope:
 * they read outer variables and keep their own assignments (AWS docs "Variable scope").
 */
public final class VariableScope {
    private final VariableScope parent;
    private Map<String, JsonNode> local;

    VariableScope(VariableScope parent) {
        this.parent = parent;
    }

    /** The value of a variable, or null when undefined. */
    public JsonNode get(String name) {
        if (local != null) {
            JsonNode v = local.get(name);
            if (v != null) {
                return v;
            }
        }
        return parent == null ? null : parent.get(name);
    }

    /** Assigns a batch of variables at once. */
    public void assignAll(Map<String, JsonNode> values) {
        if (values.isEmpty()) {
            return;
        }
        if (local == null) {
            local = new HashMap<>();
        }
        local.putAll(values);
    }

    /** Every visible variable, inner values shadowing outer ones. */
    public Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : parent.visible();
        if (local != null) {
            all.putAll(local);
        }
        return all;
    }

    VariableScope child() {
        return new VariableScope(this);
    }

    /** A child scope holding the own assignments of {@code old} (a redriven branch's scope). */
    VariableScope childLike(VariableScope old) {
        VariableScope scope = child();
        if (old.local != null) {
            scope.assignAll(old.local);
        }
        return scope;
    }
}
