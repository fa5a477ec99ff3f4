package dev.orderflow.states.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The closed set of ASL state kinds (ASL spec "State Types"). */
public sealed interface State {
    /** The fields every state shares. */
    CommonFields common();

    /** The state's name. */
    default String name() {
        return common().name();
    }

    /** {@code "Type": "Pass"}. {@code result} is null when absent. */
    record Pass(CommonFields common, JsonNode result) implements State {}

    /**
     * {@code "Type": "Task"}. Timeouts are a number, a reference path (JSONPath) or a JSONata
     * string; null when absent.
     */
    record Task(
            CommonFields common,
            String resource,
            JsonNode timeoutSeconds,
            String timeoutSecondsPath,
            JsonNode heartbeatSeconds,
            String heartbeatSecondsPath,
            JsonNode credentials)
            implements State {}

    /** {@code "Type": "Choice"}. {@code defaultState} is null when absent. */
    record Choice(CommonFields common, List<ChoiceBranch> choices, String defaultState)
            implements State {
        public Choice {
            choices = List.copyOf(choices);
        }
    }

    /** {@code "Type": "Wait"}: exactly one of the four fields is non-null. */
    record Wait(
            CommonFields common,
            JsonNode seconds,
            JsonNode timestamp,
            String secondsPath,
            String timestampPath)
            implements State {}

    /** {@code "Type": "Succeed"}. */
    record Succeed(CommonFields common) implements State {}

    /** {@code "Type": "Fail"}: error/cause literal (or JSONata), or *Path variants. */
    record Fail(
            CommonFields common, JsonNode error, String errorPath, JsonNode cause, String causePath)
            implements State {}

    /** {@code "Type": "Parallel"}. */
    record Parallel(CommonFields common, List<StateMachineDef> branches) implements State {
        public Parallel {
            branches = List.copyOf(branches);
        }
    }

    /** {@code "Type": "Map"} (inline and distributed modes run the same way locally). */
    record Map(
            CommonFields common,
            StateMachineDef processor,
            boolean distributed,
            OptionalPath itemsPath,
            JsonNode items,
            JsonNode itemSelector,
            JsonNode maxConcurrency,
            String maxConcurrencyPath,
            JsonNode toleratedFailureCount,
            String toleratedFailureCountPath,
            JsonNode toleratedFailurePercentage,
            String toleratedFailurePercentagePath,
            JsonNode itemBatcher,
            JsonNode itemReader,
            JsonNode resultWriter,
            String label,
            boolean expressChildren)
            implements State {}
}
