package dev.orderflow.states.internal.exec;

import dev.orderflow.states.internal.model.State;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code <Type>StateEntered} / {@code <Type>StateExited}, built once per state kind, and the {@code
 * <Type>StateAborted} of the kinds AWS's HistoryEventType has one for.
 */
final class EventNames {
    private static final Map<String, String> ENTERED = names("StateEntered");
    private static final Map<String, String> EXITED = names("StateExited");

    // API reference "HistoryEvent": only Task, Wait, Map and Parallel have an Aborted event; the
    // other kinds never stay in flight.
    private static final Map<String, String> ABORTED =
            Map.of(
                    "Task", "TaskStateAborted",
                    "Wait", "WaitStateAborted",
                    "Map", "MapStateAborted",
                    "Parallel", "ParallelStateAborted");

    private EventNames() {}

    /** {@code <Type>StateAborted}, or null for a kind that has none. */
    static String aborted(State state) {
        return ABORTED.get(state.common().type());
    }

    private static Map<String, String> names(String suffix) {
        Map<String, String> m = new HashMap<>();
        for (String t :
                new String[] {
                    "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"
                }) {
            m.put(t, t + suffix);
        }
        return Map.copyOf(m);
    }

    static String entered(State state) {
        String type = state.common().type();
        String name = ENTERED.get(type);
        return name != null ? name : type + "StateEntered";
    }

    static String exited(State state) {
        String type = state.common().type();
        String name = EXITED.get(type);
        return name != null ? name : type + "StateExited";
    }
}
