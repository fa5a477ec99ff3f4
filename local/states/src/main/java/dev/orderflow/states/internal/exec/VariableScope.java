package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables visible in one scope. Parallel branches and INLINE Map iterations get a child
 * scope: they read outer variables and keep their own assignments (AWS docs "Variable scope"). A
 * DISTRIBUTED Map's child execution starts from an empty scope of its own: it cannot read the
 * parent's variables, which reach it only through ItemSelector (AWS docs "Passing data between
 * states with variables").
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
        return holding(child(), old);
    }

    /** An empty scope that sees no outer variable (a DISTRIBUTED Map's child execution). */
    static VariableScope isolated() {
        return new VariableScope(null);
    }

    /** An isolated scope holding the own assignments of {@code old} (a redriven child's). */
    static VariableScope isolatedLike(VariableScope old) {
        return holding(isolated(), old);
    }

    private static VariableScope holding(VariableScope scope, VariableScope old) {
        if (old.local != null) {
            scope.assignAll(old.local);
        }
        return scope;
    }
}
