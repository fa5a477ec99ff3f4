package dev.orderflow.states.internal.parse;

import dev.orderflow.states.internal.model.QueryLanguage;
import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts in each query language (AWS docs per state type). */
final class FieldRules {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

    private static final Map<String, Set<String>> JSONPATH =
            Map.of(
                    "Pass",
                            Set.of(
                                    "Next",
                                    "End",
                                    "InputPath",
                                    "OutputPath",
                                    "ResultPath",
                                    "Parameters",
                                    "Result",
                                    "Assign"),
                    "Task",
                            Set.of(
                                    "Resource",
                                    "Next",
                                    "End",
                                    "InputPath",
                                    "OutputPath",
                                    "ResultPath",
                                    "Parameters",
                                    "ResultSelector",
                                    "Retry",
                                    "Catch",
                                    "TimeoutSeconds",
                                    "TimeoutSecondsPath",
                                    "HeartbeatSeconds",
                                    "HeartbeatSecondsPath",
                                    "Assign",
                                    "Credentials"),
                    "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign"),
                    "Wait",
                            Set.of(
                                    "Next",
                                    "End",
                                    "Seconds",
                                    "Timestamp",
                                    "SecondsPath",
                                    "TimestampPath",
                                    "InputPath",
                                    "OutputPath",
                                    "Assign"),
                    "Succeed", Set.of("InputPath", "OutputPath"),
                    "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
                    "Parallel",
                            Set.of(
                                    "Branches",
                                    "Next",
                                    "End",
                                    "InputPath",
                                    "OutputPath",
                                    "ResultPath",
                                    "Parameters",
                                    "ResultSelector",
                                    "Retry",
                                    "Catch",
                                    "Assign"),
                    "Map",
                            Set.of(
                                    "ItemProcessor",
                                    "Iterator",
                                    "ItemsPath",
                                    "ItemSelector",
                                    "Parameters",
                                    "MaxConcurrency",
                                    "MaxConcurrencyPath",
                                    "ToleratedFailureCount",
                                    "ToleratedFailureCountPath",
                                    "ToleratedFailurePercentage",
                                    "ToleratedFailurePercentagePath",
                                    "ItemBatcher",
                                    "ItemReader",
                                    "ResultWriter",
                                    "Label",
                                    "InputPath",
                                    "OutputPath",
                                    "ResultPath",
                                    "ResultSelector",
                                    "Retry",
                                    "Catch",
                                    "Next",
                                    "End",
                                    "Assign"));

    private static final Map<String, Set<String>> JSONATA =
            Map.of(
                    "Pass", Set.of("Next", "End", "Output", "Assign"),
                    "Task",
                            Set.of(
                                    "Resource",
                                    "Next",
                                    "End",
                                    "Arguments",
                                    "Output",
                                    "Assign",
                                    "Retry",
                                    "Catch",
                                    "TimeoutSeconds",
                                    "HeartbeatSeconds",
                                    "Credentials"),
                    "Choice", Set.of("Choices", "Default", "Output", "Assign"),
                    "Wait", Set.of("Next", "End", "Seconds", "Timestamp", "Output", "Assign"),
                    "Succeed", Set.of("Output"),
                    "Fail", Set.of("Error", "Cause"),
                    "Parallel",
                            Set.of(
                                    "Branches",
                                    "Next",
                                    "End",
                                    "Arguments",
                                    "Output",
                                    "Assign",
                                    "Retry",
                                    "Catch"),
                    "Map",
                            Set.of(
                                    "ItemProcessor",
                                    "Items",
                                    "ItemSelector",
                                    "MaxConcurrency",
                                    "ToleratedFailureCount",
                                    "ToleratedFailurePercentage",
                                    "ItemBatcher",
                                    "ItemReader",
                                    "ResultWriter",
                                    "Label",
                                    "Output",
                                    "Assign",
                                    "Retry",
                                    "Catch",
                                    "Next",
                                    "End"));

    private FieldRules() {}

    static boolean knownType(String type) {
        return JSONPATH.containsKey(type);
    }

    static boolean allowed(String type, QueryLanguage language, String field) {
        if (COMMON.contains(field)) {
            return true;
        }
        Map<String, Set<String>> table = language == QueryLanguage.JSONATA ? JSONATA : JSONPATH;
        return table.get(type).contains(field);
    }

    /** True when the field exists in the other query language for this type. */
    static boolean allowedInOther(String type, QueryLanguage language, String field) {
        Map<String, Set<String>> other = language == QueryLanguage.JSONATA ? JSONPATH : JSONATA;
        return other.get(type).contains(field);
    }
}
