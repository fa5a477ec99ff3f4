package dev.orderflow.states.internal.model;

import java.util.Map;

/**
 * A parsed state machine, or a Parallel branch, or a Map item processor: {@code StartAt} plus
 * {@code States}.
 */
public record StateMachineDef(
        String startAt, Map<String, State> states, QueryLanguage language, Integer timeoutSeconds) {
    public StateMachineDef {
        states = Map.copyOf(states);
    }

    /** The state with this name; the validator guarantees transitions resolve. */
    public State state(String name) {
        State s = states.get(name);
        if (s == null) {
            throw new IllegalStateException("no state named " + name);
        }
        return s;
    }
}
