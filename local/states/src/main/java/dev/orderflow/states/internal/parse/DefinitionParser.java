package dev.orderflow.states.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.model.ChoiceBranch;
import dev.orderflow.states.internal.model.CommonFields;
import dev.orderflow.states.internal.model.OptionalPath;
import dev.orderflow.states.internal.model.QueryLanguage;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.model.StateMachineDef;
import dev.orderflow.states.internal.paths.JsonPath;
import dev.orderflow.states.internal.tasks.ResourceArn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an ASL document into the model and collects AWS-shaped diagnostics (ASL spec "Structure of
 * a State Machine"; AWS ValidateStateMachineDefinition).
 */
public final class DefinitionParser {
    private static final Set<String> TOP_FIELDS =
            Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");

    private final List<Diagnostic> diags = new ArrayList<>();
    private final java.util.Set<String> allNames = new java.util.HashSet<>();
    private final TemplateChecker templates = new TemplateChecker(diags);
    private final ErrorHandlingParser errorHandling = new ErrorHandlingParser(diags, templates);
    private final ChoiceRuleParser choiceRules = new ChoiceRuleParser(diags);

    private DefinitionParser() {}

    /** Parses and validates a definition document. Never throws for bad input. */
    public static ParseResult parse(String text) {
        DefinitionParser parser = new DefinitionParser();
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            return new ParseResult(
                    null,
                    List.of(
                            Diagnostic.error(
                                    "INVALID_JSON_DESCRIPTION",
                                    e.getMessage() == null ? "Invalid JSON" : e.getMessage(),
                                    null)));
        }
        if (!root.isObject()) {
            return new ParseResult(
                    null,
                    List.of(
                            Diagnostic.error(
                                    "SCHEMA_VALIDATION_FAILED",
                                    "The definition must be a JSON object",
                                    null)));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_FIELDS.contains(f)) {
                parser.schema(
                        "The field \"" + f + "\" is not supported by Step Functions", "/" + f);
            }
        }
        QueryLanguage top = QueryLanguage.JSONPATH;
        JsonNode ql = root.get("QueryLanguage");
        if (ql != null) {
            top = QueryLanguage.fromAsl(ql.asText());
            if (top == null) {
                parser.schema(
                        "The value for the field 'QueryLanguage' must be one of [JSONata, JSONPath]",
                        "/QueryLanguage");
                top = QueryLanguage.JSONPATH;
            }
        }
        JsonNode timeout = root.get("TimeoutSeconds");
        Integer timeoutSeconds = null;
        if (timeout != null) {
            if (!timeout.canConvertToInt() || !timeout.isIntegralNumber() || timeout.asInt() <= 0) {
                parser.schema(
                        "The value for the field 'TimeoutSeconds' must be a positive integer",
                        "/TimeoutSeconds");
            } else {
                timeoutSeconds = timeout.asInt();
            }
        }
        StateMachineDef def = parser.machine(root, "", top, timeoutSeconds);
        List<Diagnostic> found = parser.diags;
        return new ParseResult(found.isEmpty() ? def : null, found);
    }

    StateMachineDef machine(
            JsonNode node, String loc, QueryLanguage language, Integer timeoutSeconds) {
        JsonNode startAt = node.get("StartAt");
        JsonNode states = node.get("States");
        if (startAt == null || states == null) {
            schema(
                    "These fields are required: ["
                            + (startAt == null ? "StartAt" : "")
                            + (startAt == null && states == null ? ", " : "")
                            + (states == null ? "States" : "")
                            + "]",
                    loc.isEmpty() ? null : loc);
            return null;
        }
        if (!startAt.isTextual()) {
            schema("The value for the field 'StartAt' must be a STRING", loc + "/StartAt");
            return null;
        }
        if (!states.isObject() || states.isEmpty()) {
            schema("The field 'States' must be a non-empty object", loc + "/States");
            return null;
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String stateLoc = loc + "/States/" + name;
            if (name.length() > Quotas.NAME_LENGTH) {
                schema(
                        "State names must not be longer than " + Quotas.NAME_LENGTH + " characters",
                        stateLoc);
            }
            if (!allNames.add(name)) {
                // State names are unique across the whole machine, nested branches included.
                diags.add(
                        Diagnostic.error(
                                "DUPLICATE_STATE_NAME", "Duplicate State name: " + name, stateLoc));
            }
            State s = state(name, e.getValue(), stateLoc, language);
            if (s != null) {
                parsed.put(name, s);
            }
        }
        if (!states.has(startAt.asText())) {
            diags.add(
                    Diagnostic.error(
                            "MISSING_TRANSITION_TARGET",
                            "Missing 'Next' target: " + startAt.asText(),
                            loc + "/StartAt"));
        }
        new GraphChecker(diags).check(startAt.asText(), parsed, loc);
        return new StateMachineDef(startAt.asText(), parsed, language, timeoutSeconds);
    }

    private State state(String name, JsonNode node, String loc, QueryLanguage inherited) {
        if (!node.isObject()) {
            schema("A state must be a JSON object", loc);
            return null;
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null) {
            schema("These fields are required: [Type]", loc);
            return null;
        }
        String type = typeNode.asText();
        if (!FieldRules.knownType(type)) {
            schema(
                    "The value for the field 'Type' must be one of [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]",
                    loc + "/Type");
            return null;
        }
        QueryLanguage language = inherited;
        JsonNode ql = node.get("QueryLanguage");
        if (ql != null) {
            language = QueryLanguage.fromAsl(ql.asText());
            if (language == null) {
                schema(
                        "The value for the field 'QueryLanguage' must be one of [JSONata, JSONPath]",
                        loc + "/QueryLanguage");
                language = inherited;
            } else if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
                schema(
                        "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata",
                        loc + "/QueryLanguage");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FieldRules.allowed(type, language, f)) {
                if (FieldRules.allowedInOther(type, language, f)) {
                    schema(
                            "The field \""
                                    + f
                                    + "\" is not supported for "
                                    + language.aslName()
                                    + " states",
                            loc + "/" + f);
                } else {
                    schema(
                            "The field \"" + f + "\" is not supported by Step Functions",
                            loc + "/" + f);
                }
            }
        }
        CommonFields common = common(name, type, node, loc, language);
        return StateBuilders.build(this, type, common, node, loc);
    }

    private CommonFields common(
            String name, String type, JsonNode node, String loc, QueryLanguage language) {
        boolean terminalType =
                type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        boolean isEnd = end != null && end.asBoolean(false);
        if (end != null && !end.isBoolean()) {
            schema("The value for the field 'End' must be a BOOLEAN", loc + "/End");
        }
        if (!terminalType) {
            if (next == null && !isEnd) {
                schema("These fields are required: [Next | End]", loc);
            } else if (next != null && isEnd) {
                schema("Only one of the fields [Next, End] may be set", loc);
            }
        }
        if (next != null && !next.isTextual()) {
            schema("The value for the field 'Next' must be a STRING", loc + "/Next");
        }
        boolean jsonata = language == QueryLanguage.JSONATA;
        if (jsonata) {
            for (String f : List.of("Arguments", "Output", "Assign")) {
                templates.checkJsonata(node.get(f), loc + "/" + f);
            }
        } else {
            templates.checkTemplate(node.get("Parameters"), loc + "/Parameters");
            templates.checkTemplate(node.get("ResultSelector"), loc + "/ResultSelector");
            templates.checkTemplate(node.get("Assign"), loc + "/Assign");
        }
        templates.checkAssignNames(node.get("Assign"), loc + "/Assign");
        return new CommonFields(
                name,
                type,
                language,
                next == null ? null : next.asText(),
                isEnd,
                optionalPath(node, "InputPath", loc, false),
                optionalPath(node, "OutputPath", loc, false),
                optionalPath(node, "ResultPath", loc, true),
                node.get("Parameters"),
                node.get("ResultSelector"),
                node.get("Arguments"),
                node.get("Output"),
                node.get("Assign"),
                errorHandling.retriers(node.get("Retry"), loc + "/Retry"),
                errorHandling.catchers(node.get("Catch"), loc + "/Catch", language));
    }

    OptionalPath optionalPath(JsonNode node, String field, String loc, boolean reference) {
        JsonNode value = node.get(field);
        if (value == null) {
            return OptionalPath.ROOT;
        }
        if (value.isNull()) {
            return OptionalPath.NULL;
        }
        JsonPath path = path(value, field, loc + "/" + field, reference);
        return path == null ? OptionalPath.ROOT : new OptionalPath(path);
    }

    /**
     * A Map's ItemsPath: a reference path, or a definite path from a workflow variable (recorded
     * AWS executions iterate over {@code "ItemsPath": "$items"}).
     */
    OptionalPath itemsPath(JsonNode node, String loc) {
        JsonNode value = node.get("ItemsPath");
        if (value != null && value.isTextual()) {
            try {
                JsonPath path = JsonPath.parse(value.asText());
                if (path.root() == JsonPath.Root.VARIABLE && path.isReferencePath()) {
                    return new OptionalPath(path);
                }
            } catch (IllegalArgumentException e) {
                // reported below as an invalid ReferencePath
            }
        }
        return optionalPath(node, "ItemsPath", loc, true);
    }

    JsonPath path(JsonNode value, String field, String loc, boolean reference) {
        if (!value.isTextual()) {
            schema("The value for the field '" + field + "' must be a STRING", loc);
            return null;
        }
        try {
            JsonPath path = JsonPath.parse(value.asText());
            if (reference && (!path.isReferencePath() || path.root() != JsonPath.Root.INPUT)) {
                schema(
                        "The value for the field '" + field + "' must be a valid ReferencePath",
                        loc);
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            schema(
                    "The value for the field '"
                            + field
                            + "' must be a valid "
                            + (reference ? "ReferencePath" : "JSONPath"),
                    loc);
            return null;
        }
    }

    String referencePathText(JsonNode node, String field, String loc) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        return path(v, field, loc + "/" + field, false) == null ? null : v.asText();
    }

    List<ChoiceBranch> choices(JsonNode node, String loc, boolean jsonata) {
        List<ChoiceBranch> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            schema("The field 'Choices' must be a non-empty array", loc);
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String cl = loc + "[" + i + "]";
            JsonNode next = c.get("Next");
            if (next == null || !next.isTextual()) {
                schema("These fields are required: [Next]", cl);
            }
            if (jsonata) {
                templates.checkJsonata(c.get("Condition"), cl + "/Condition");
                templates.checkJsonata(c.get("Assign"), cl + "/Assign");
                templates.checkJsonata(c.get("Output"), cl + "/Output");
            } else {
                templates.checkTemplate(c.get("Assign"), cl + "/Assign");
            }
            out.add(
                    new ChoiceBranch(
                            choiceRules.rule(c, cl, jsonata),
                            next == null ? null : next.asText(),
                            c.get("Assign"),
                            c.get("Output")));
        }
        return out;
    }

    TemplateChecker templates() {
        return templates;
    }

    void schema(String message, String loc) {
        diags.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, loc));
    }

    void unsupported(String message, String loc) {
        diags.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, loc));
    }

    void invalidResource(String resource, String loc) {
        if (ResourceArn.parse(resource).isEmpty()) {
            diags.add(
                    Diagnostic.error(
                            "INVALID_RESOURCE",
                            "The resource provided "
                                    + resource
                                    + " is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
                            loc));
        }
    }
}
