package dev.orderflow.states.internal.parse;

import dev.orderflow.states.internal.model.Catcher;
import dev.orderflow.states.internal.model.ChoiceBranch;
import dev.orderflow.states.internal.model.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks transitions inside one scope (the top level, a branch or an item processor): every target
 * exists, a terminal state exists, every state is reachable from StartAt.
 */
final class GraphChecker {
    private final List<Diagnostic> diags;

    GraphChecker(List<Diagnostic> diags) {
        this.diags = diags;
    }

    void check(String startAt, Map<String, State> states, String loc) {
        boolean terminal = false;
        for (State s : states.values()) {
            String sl = loc + "/States/" + s.name();
            target(states, s.common().next(), sl + "/Next");
            for (int i = 0; i < s.common().catchers().size(); i++) {
                target(states, s.common().catchers().get(i).next(), sl + "/Catch[" + i + "]/Next");
            }
            if (s instanceof State.Choice c) {
                for (int i = 0; i < c.choices().size(); i++) {
                    target(states, c.choices().get(i).next(), sl + "/Choices[" + i + "]/Next");
                }
                target(states, c.defaultState(), sl + "/Default");
            }
            terminal |= s.common().end() || s instanceof State.Succeed || s instanceof State.Fail;
        }
        if (!terminal && !states.isEmpty()) {
            diags.add(
                    Diagnostic.error("MISSING_END_STATE", "Workflow has no terminal state", null));
            return;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(startAt);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            State s = states.get(name);
            if (s == null || !seen.add(name)) {
                continue;
            }
            for (String n : successors(s)) {
                todo.add(n);
            }
        }
        for (String name : states.keySet()) {
            if (!seen.contains(name)) {
                diags.add(
                        Diagnostic.error(
                                "MISSING_TRANSITION_TARGET",
                                "State \"" + name + "\" is not reachable.",
                                loc + "/States/" + name));
            }
        }
    }

    private static List<String> successors(State s) {
        List<String> out = new ArrayList<>();
        if (s.common().next() != null) {
            out.add(s.common().next());
        }
        // A Catcher or Choice rule without Next is already reported by its parser; skip it here.
        s.common().catchers().stream()
                .map(Catcher::next)
                .filter(java.util.Objects::nonNull)
                .forEach(out::add);
        if (s instanceof State.Choice c) {
            for (ChoiceBranch b : c.choices()) {
                if (b.next() != null) {
                    out.add(b.next());
                }
            }
            if (c.defaultState() != null) {
                out.add(c.defaultState());
            }
        }
        return out;
    }

    private void target(Map<String, State> states, String name, String loc) {
        if (name != null && !states.containsKey(name)) {
            diags.add(
                    Diagnostic.error(
                            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + name, loc));
        }
    }
}
