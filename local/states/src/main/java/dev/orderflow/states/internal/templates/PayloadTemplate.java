package dev.orderflow.states.internal.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.intrinsics.IntrinsicExpr;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.intrinsics.IntrinsicParser;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.paths.JsonPath;
import dev.orderflow.states.internal.paths.PathRoots;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign): keys
 * ending in {@code .$} take the value of a path or intrinsic call (ASL spec "Payload Template").
 */
public final class PayloadTemplate {
    private static final Map<String, Object> COMPILED = new ConcurrentHashMap<>();

    private final IntrinsicFunctions intrinsics;

    /** Creates an evaluator using {@code intrinsics} for {@code States.*} calls. */
    public PayloadTemplate(IntrinsicFunctions intrinsics) {
        this.intrinsics = intrinsics;
    }

    /**
     * Evaluates the template against {@code roots}.
     *
     * @throws StatesFailure States.Runtime when a path selects nothing, States.IntrinsicFailure
     *     when an intrinsic fails
     */
    public JsonNode evaluate(JsonNode template, PathRoots roots) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$") && e.getValue().isTextual()) {
                    out.set(
                            key.substring(0, key.length() - 2),
                            dynamic(key, e.getValue().asText(), roots));
                } else {
                    out.set(key, evaluate(e.getValue(), roots));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            for (JsonNode n : template) {
                out.add(evaluate(n, roots));
            }
            return out;
        }
        return template;
    }

    /** Evaluates one path-or-intrinsic expression as used in a {@code .$} field. */
    public JsonNode dynamic(String field, String expression, PathRoots roots) {
        Object compiled = compile(expression);
        if (compiled instanceof IntrinsicExpr.Call call) {
            return intrinsics.evaluate(call, roots);
        }
        JsonPath path = (JsonPath) compiled;
        JsonNode value = path.read(roots);
        if (value == null) {
            JsonNode source =
                    switch (path.root()) {
                        case INPUT -> roots.input();
                        case CONTEXT -> roots.context();
                        case VARIABLE -> null;
                    };
            if (path.root() == JsonPath.Root.VARIABLE
                    && roots.variables().apply(path.variable()) == null) {
                throw StatesFailure.runtime(
                        "The variable '" + path.variable() + "' is not defined");
            }
            throw StatesFailure.runtime(
                    "The JSONPath '"
                            + expression
                            + "' specified for the field '"
                            + field
                            + "' could not be found in the input '"
                            + (source == null ? "{}" : Json.write(source))
                            + "'");
        }
        return value;
    }

    private static Object compile(String expression) {
        Object c = COMPILED.get(expression);
        if (c == null) {
            c =
                    IntrinsicParser.looksLikeCall(expression)
                            ? IntrinsicParser.parse(expression)
                            : JsonPath.parse(expression);
            if (COMPILED.size() < 50_000) {
                COMPILED.put(expression, c);
            }
        }
        return c;
    }

    /** A cached parsed path. */
    public static JsonPath path(String expression) {
        Object c = compile(expression);
        if (c instanceof JsonPath p) {
            return p;
        }
        throw new IllegalArgumentException("not a path: " + expression);
    }
}
