package dev.orderflow.states.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.CommonFields;
import dev.orderflow.states.internal.model.OptionalPath;
import dev.orderflow.states.internal.model.QueryLanguage;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.ArrayList;
import java.util.List;

/** Builds the type-specific part of each state kind. */
final class StateBuilders {
    private StateBuilders() {}

    static State build(DefinitionParser p, String type, CommonFields c, JsonNode n, String loc) {
        return switch (type) {
            case "Pass" -> new State.Pass(c, n.get("Result"));
            case "Task" -> task(p, c, n, loc);
            case "Choice" -> {
                JsonNode dflt = n.get("Default");
                yield new State.Choice(
                        c,
                        p.choices(n.get("Choices"), loc + "/Choices", c.jsonata()),
                        dflt == null ? null : dflt.asText());
            }
            case "Wait" -> wait(p, c, n, loc);
            case "Succeed" -> new State.Succeed(c);
            case "Fail" -> fail(p, c, n, loc);
            case "Parallel" -> parallel(p, c, n, loc);
            case "Map" -> map(p, c, n, loc);
            default -> throw new IllegalStateException(type);
        };
    }

    private static State task(DefinitionParser p, CommonFields c, JsonNode n, String loc) {
        JsonNode resource = n.get("Resource");
        if (resource == null || !resource.isTextual()) {
            p.schema("These fields are required: [Resource]", loc);
        } else {
            p.invalidResource(resource.asText(), loc + "/Resource");
        }
        exclusive(p, n, loc, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(p, n, loc, "HeartbeatSeconds", "HeartbeatSecondsPath");
        positive(p, n.get("TimeoutSeconds"), "TimeoutSeconds", loc, c.jsonata());
        positive(p, n.get("HeartbeatSeconds"), "HeartbeatSeconds", loc, c.jsonata());
        JsonNode t = n.get("TimeoutSeconds");
        JsonNode h = n.get("HeartbeatSeconds");
        if (t != null && h != null && t.isNumber() && h.isNumber() && h.asLong() >= t.asLong()) {
            p.schema(
                    "HeartbeatSeconds must be smaller than TimeoutSeconds",
                    loc + "/HeartbeatSeconds");
        }
        return new State.Task(
                c,
                resource == null ? "" : resource.asText(),
                t,
                p.referencePathText(n, "TimeoutSecondsPath", loc),
                h,
                p.referencePathText(n, "HeartbeatSecondsPath", loc),
                n.get("Credentials"));
    }

    private static State wait(DefinitionParser p, CommonFields c, JsonNode n, String loc) {
        int count = 0;
        for (String f : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            count += n.has(f) ? 1 : 0;
        }
        if (count != 1) {
            p.schema(
                    "Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] must be set",
                    loc);
        }
        JsonNode seconds = n.get("Seconds");
        if (seconds != null
                && !isJsonata(seconds, c)
                && (!seconds.isIntegralNumber() || seconds.asLong() < 0)) {
            p.schema(
                    "The value for the field 'Seconds' must be a non-negative integer",
                    loc + "/Seconds");
        }
        JsonNode ts = n.get("Timestamp");
        if (ts != null
                && !isJsonata(ts, c)
                && !(ts.isTextual() && ChoiceRuleParser.isTimestamp(ts.asText()))) {
            p.schema(
                    "The value for the field 'Timestamp' must be a valid RFC3339 timestamp",
                    loc + "/Timestamp");
        }
        return new State.Wait(
                c,
                seconds,
                ts,
                p.referencePathText(n, "SecondsPath", loc),
                p.referencePathText(n, "TimestampPath", loc));
    }

    private static State fail(DefinitionParser p, CommonFields c, JsonNode n, String loc) {
        exclusive(p, n, loc, "Error", "ErrorPath");
        exclusive(p, n, loc, "Cause", "CausePath");
        for (String f : List.of("ErrorPath", "CausePath")) {
            JsonNode v = n.get(f);
            if (v != null) {
                if (!v.isTextual()
                        || !(v.asText().startsWith("$") || v.asText().startsWith("States."))) {
                    p.schema(
                            "The value for the field '"
                                    + f
                                    + "' must be a valid JSONPath or intrinsic function",
                            loc + "/" + f);
                }
            }
        }
        JsonNode error = n.get("ErrorPath");
        JsonNode cause = n.get("CausePath");
        return new State.Fail(
                c,
                n.get("Error"),
                error == null ? null : error.asText(),
                n.get("Cause"),
                cause == null ? null : cause.asText());
    }

    private static State parallel(DefinitionParser p, CommonFields c, JsonNode n, String loc) {
        JsonNode branches = n.get("Branches");
        List<StateMachineDef> defs = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            p.schema("The field 'Branches' must be a non-empty array", loc);
        } else {
            for (int i = 0; i < branches.size(); i++) {
                StateMachineDef d =
                        p.machine(
                                branches.get(i),
                                loc + "/Branches[" + i + "]",
                                branchLanguage(branches.get(i), c),
                                null);
                if (d != null) {
                    defs.add(d);
                }
            }
        }
        return new State.Parallel(c, defs);
    }

    private static QueryLanguage branchLanguage(JsonNode branch, CommonFields c) {
        JsonNode ql = branch.get("QueryLanguage");
        QueryLanguage parsed = ql == null ? null : QueryLanguage.fromAsl(ql.asText());
        return parsed == null ? c.language() : parsed;
    }

    private static State map(DefinitionParser p, CommonFields c, JsonNode n, String loc) {
        JsonNode processor = n.get("ItemProcessor");
        String field = "ItemProcessor";
        if (processor == null) {
            processor = n.get("Iterator");
            field = "Iterator";
        }
        exclusive(p, n, loc, "ItemProcessor", "Iterator");
        exclusive(p, n, loc, "ItemSelector", "Parameters");
        exclusive(p, n, loc, "MaxConcurrency", "MaxConcurrencyPath");
        exclusive(p, n, loc, "ToleratedFailureCount", "ToleratedFailureCountPath");
        exclusive(p, n, loc, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        StateMachineDef def = null;
        boolean distributed = false;
        boolean express = false;
        if (processor == null) {
            p.schema("These fields are required: [ItemProcessor]", loc);
        } else {
            JsonNode config = processor.get("ProcessorConfig");
            distributed = config != null && "DISTRIBUTED".equals(config.path("Mode").asText());
            express = config != null && "EXPRESS".equals(config.path("ExecutionType").asText());
            def = p.machine(processor, loc + "/" + field, branchLanguage(processor, c), null);
        }
        if (!c.jsonata()) {
            p.templates().checkTemplate(n.get("ItemSelector"), loc + "/ItemSelector");
        } else {
            p.templates().checkJsonata(n.get("Items"), loc + "/Items");
            p.templates().checkJsonata(n.get("ItemSelector"), loc + "/ItemSelector");
        }
        JsonNode mc = n.get("MaxConcurrency");
        if (mc != null && !isJsonata(mc, c) && (!mc.isIntegralNumber() || mc.asInt() < 0)) {
            p.schema(
                    "The value for the field 'MaxConcurrency' must be a non-negative integer",
                    loc + "/MaxConcurrency");
        }
        // AWS docs "Map state, tolerated failure threshold": a count >= 0, a percentage 0-100.
        JsonNode tc = n.get("ToleratedFailureCount");
        if (tc != null && !isJsonata(tc, c) && (!tc.isIntegralNumber() || tc.asLong() < 0)) {
            p.schema(
                    "The value for the field 'ToleratedFailureCount' must be a non-negative integer",
                    loc + "/ToleratedFailureCount");
        }
        JsonNode tp = n.get("ToleratedFailurePercentage");
        if (tp != null
                && !isJsonata(tp, c)
                && (!tp.isNumber() || tp.asDouble() < 0 || tp.asDouble() > 100)) {
            p.schema(
                    "The value for the field 'ToleratedFailurePercentage' must be a number between 0 and 100",
                    loc + "/ToleratedFailurePercentage");
        }
        JsonNode reader = n.get("ItemReader");
        if (reader != null) {
            p.unsupported(
                    "ItemReader (reading items from S3) is not supported by this local engine",
                    loc + "/ItemReader");
        }
        if (n.get("ResultWriter") != null) {
            p.unsupported(
                    "ResultWriter (writing results to S3) is not supported by this local engine",
                    loc + "/ResultWriter");
        }
        JsonNode selector = n.has("ItemSelector") ? n.get("ItemSelector") : n.get("Parameters");
        return new State.Map(
                c,
                def,
                distributed,
                c.jsonata() ? OptionalPath.ROOT : p.itemsPath(n, loc),
                n.get("Items"),
                selector,
                mc,
                p.referencePathText(n, "MaxConcurrencyPath", loc),
                n.get("ToleratedFailureCount"),
                p.referencePathText(n, "ToleratedFailureCountPath", loc),
                n.get("ToleratedFailurePercentage"),
                p.referencePathText(n, "ToleratedFailurePercentagePath", loc),
                n.get("ItemBatcher"),
                reader,
                n.get("ResultWriter"),
                n.path("Label").asText(c.name()),
                express);
    }

    private static boolean isJsonata(JsonNode v, CommonFields c) {
        return c.jsonata() && v.isTextual() && v.asText().startsWith("{%");
    }

    private static void positive(
            DefinitionParser p, JsonNode v, String field, String loc, boolean jsonata) {
        if (v == null || (jsonata && v.isTextual())) {
            return;
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0 || v.asLong() > 99_999_999) {
            p.schema(
                    "The value for the field '" + field + "' must be a positive integer",
                    loc + "/" + field);
        }
    }

    private static void exclusive(DefinitionParser p, JsonNode n, String loc, String a, String b) {
        if (n.has(a) && n.has(b)) {
            p.schema("Only one of the fields [" + a + ", " + b + "] may be set", loc);
        }
    }
}
