package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions against the local physical identities: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Sub}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::If} with {@code Conditions}, {@code Fn::Equals/And/Or/Not}, {@code Fn::FindInMap},
 * {@code Fn::Base64}, {@code Fn::GetAZs}. {@code Fn::ImportValue} and {@code Fn::Transform} fail
 * with a {@link TemplateException}: there is no other stack to import from.
 */
public final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** Marker for AWS::NoValue: the property is removed. */
    private static final TextNode NO_VALUE = TextNode.valueOf("\u0000AWS::NoValue");

    private final PhysicalIds ids;
    private final JsonNode parameters;
    private final JsonNode mappings;
    private final JsonNode conditions;

    public Intrinsics(PhysicalIds ids, JsonNode template) {
        this.ids = ids;
        this.parameters = template.path("Parameters");
        this.mappings = template.path("Mappings");
        this.conditions = template.path("Conditions");
    }

    /** A deep copy of {@code node} with every intrinsic replaced by its value. */
    // NO_VALUE is a sentinel: only that very node is dropped, not a text that happens to equal it
    @SuppressWarnings("ReferenceEquality")
    public JsonNode resolve(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return node;
        }
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition")) {
                    return function(key, node.get(key));
                }
            }
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = resolve(field.getValue());
                if (value != NO_VALUE) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode value = resolve(item);
                if (value != NO_VALUE) {
                    copy.add(value);
                }
            }
            return copy;
        }
        return node;
    }

    /** Resolves to a string, failing if the value is not scalar. */
    public String resolveText(JsonNode node) {
        JsonNode value = resolve(node);
        if (value == null || value.isContainerNode() || value.isMissingNode()) {
            throw new TemplateException("expected a string, got " + value);
        }
        return value.asText();
    }

    private JsonNode function(String name, JsonNode arg) {
        switch (name) {
            case "Ref":
                return arg.asText().equals("AWS::NoValue")
                        ? NO_VALUE
                        : TextNode.valueOf(ref(arg.asText()));
            case "Fn::GetAtt":
                return TextNode.valueOf(getAtt(arg));
            case "Fn::Join":
                return join(arg);
            case "Fn::Sub":
                return TextNode.valueOf(sub(arg));
            case "Fn::Select":
                {
                    int index = Integer.parseInt(resolveText(arg.get(0)));
                    JsonNode list = resolve(arg.get(1));
                    if (!list.isArray() || index < 0 || index >= list.size()) {
                        throw new TemplateException("Fn::Select index " + index + " out of range");
                    }
                    return list.get(index);
                }
            case "Fn::Split":
                {
                    String delimiter = resolveText(arg.get(0));
                    ArrayNode parts = NODES.arrayNode();
                    for (String part :
                            resolveText(arg.get(1)).split(Pattern.quote(delimiter), -1)) {
                        parts.add(part);
                    }
                    return parts;
                }
            case "Fn::If":
                return condition(arg.get(0).asText()) ? resolve(arg.get(1)) : resolve(arg.get(2));
            case "Fn::Equals":
                return NODES.booleanNode(resolve(arg.get(0)).equals(resolve(arg.get(1))));
            case "Fn::Not":
                return NODES.booleanNode(!truth(arg.get(0)));
            case "Fn::And":
                {
                    boolean all = true;
                    for (JsonNode c : arg) {
                        all &= truth(c);
                    }
                    return NODES.booleanNode(all);
                }
            case "Fn::Or":
                {
                    boolean any = false;
                    for (JsonNode c : arg) {
                        any |= truth(c);
                    }
                    return NODES.booleanNode(any);
                }
            case "Condition":
                return NODES.booleanNode(condition(arg.asText()));
            case "Fn::FindInMap":
                {
                    JsonNode value =
                            mappings.path(resolveText(arg.get(0)))
                                    .path(resolveText(arg.get(1)))
                                    .path(resolveText(arg.get(2)));
                    if (value.isMissingNode()) {
                        throw new TemplateException("Fn::FindInMap found nothing for " + arg);
                    }
                    return value;
                }
            case "Fn::Base64":
                return TextNode.valueOf(
                        Base64.getEncoder()
                                .encodeToString(resolveText(arg).getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs":
                {
                    ArrayNode azs = NODES.arrayNode();
                    for (String suffix : List.of("a", "b", "c")) {
                        azs.add(ids.region() + suffix);
                    }
                    return azs;
                }
            default:
                throw new TemplateException(
                        name
                                + " is not supported by the local cloud (no cross-stack imports, no"
                                + " macros)");
        }
    }

    private boolean truth(JsonNode node) {
        JsonNode value = resolve(node);
        return value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asText());
    }

    private boolean condition(String name) {
        JsonNode definition = conditions.path(name);
        if (definition.isMissingNode()) {
            throw new TemplateException("unknown condition " + name);
        }
        return truth(definition);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return ids.region();
            case "AWS::AccountId":
                return ids.account();
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return ids.stackName();
            case "AWS::StackId":
                return ids.arn("cloudformation", "stack/" + ids.stackName() + "/local");
            case "AWS::NoValue":
                return NO_VALUE.asText();
            default:
                break;
        }
        JsonNode parameter = parameters.path(name);
        if (!parameter.isMissingNode()) {
            String type = parameter.path("Type").asText("");
            if (type.startsWith("AWS::SSM::Parameter::Value")) {
                return "local";
            }
            JsonNode def = parameter.path("Default");
            if (def.isMissingNode()) {
                throw new TemplateException("parameter " + name + " has no Default");
            }
            return def.asText();
        }
        return ids.ref(name).orElseThrow(() -> new TemplateException("Ref to unknown " + name));
    }

    private String getAtt(JsonNode arg) {
        String logicalId;
        String attribute;
        if (arg.isTextual()) {
            String text = arg.asText();
            int dot = text.indexOf('.');
            logicalId = text.substring(0, dot);
            attribute = text.substring(dot + 1);
        } else {
            logicalId = arg.get(0).asText();
            attribute = resolveText(arg.get(1));
        }
        return ids.attribute(logicalId, attribute)
                .orElseThrow(
                        () ->
                                new TemplateException(
                                        "Fn::GetAtt "
                                                + logicalId
                                                + "."
                                                + attribute
                                                + " has no local value"));
    }

    private JsonNode join(JsonNode arg) {
        String delimiter = resolveText(arg.get(0));
        JsonNode list = resolve(arg.get(1));
        List<String> parts = new ArrayList<>();
        for (JsonNode item : list) {
            parts.add(item.asText());
        }
        return TextNode.valueOf(String.join(delimiter, parts));
    }

    private String sub(JsonNode arg) {
        String text;
        JsonNode variables = NODES.objectNode();
        if (arg.isArray()) {
            text = arg.get(0).asText();
            variables = arg.get(1);
        } else {
            text = arg.asText();
        }
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            String value;
            if (variables.has(variable)) {
                value = resolveText(variables.get(variable));
            } else if (variable.contains(".")) {
                value = getAtt(TextNode.valueOf(variable));
            } else {
                value = ref(variable);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        // ${!Literal} escapes to ${Literal}
        return out.toString().replace("${!", "${");
    }
}
