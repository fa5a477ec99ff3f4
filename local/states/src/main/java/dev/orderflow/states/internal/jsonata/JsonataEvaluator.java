package dev.orderflow.states.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * Evaluates JSONata templates for JSONata states. Failures raise {@code
 * States.QueryEvaluationError}.
 */
public final class JsonataEvaluator {
    private final AwsJsonataFunctions functions;

    /** Creates an evaluator; {@code random} feeds {@code $random} and {@code $uuid}. */
    public JsonataEvaluator(Random random) {
        this.functions = new AwsJsonataFunctions(random);
    }

    /**
     * Evaluates every {@code {% %}} string inside {@code template}; other values are copied, and a
     * member or element whose expression returns nothing is left out.
     *
     * @throws StatesFailure {@code States.QueryEvaluationError} when an expression fails
     */
    public JsonNode evaluateTemplate(JsonNode template, JsonataScope scope) {
        return template == null ? null : walk(template, scope, null);
    }

    /**
     * Evaluates the template of a state's {@code field} (Arguments, Output, Assign) where AWS
     * refuses an expression that returns nothing. An undefined result, for the whole field or for
     * one of its object members, fails with {@code States.QueryEvaluationError} naming the
     * expression and the member's location ({@code Output/result}, {@code Output/list[0]}), as
     * recorded AWS executions show.
     *
     * @throws StatesFailure {@code States.QueryEvaluationError} when an expression fails or returns
     *     nothing
     */
    public JsonNode evaluateField(JsonNode template, JsonataScope scope, String field) {
        return walk(template, scope, field);
    }

    /**
     * Evaluates {@code template}: with a {@code field} (its location), an expression that returns
     * nothing fails; without one, it is left out.
     */
    private JsonNode walk(JsonNode template, JsonataScope scope, String field) {
        if (template.isTextual() && JsonataTemplates.isExpression(template.asText())) {
            JsonNode v = evaluate(template.asText(), scope);
            if (v == null && field != null) {
                throw new StatesFailure(
                        StatesErrors.QUERY_EVALUATION_ERROR,
                        "The JSONata expression '"
                                + JsonataTemplates.body(template.asText())
                                + "' specified for the field '"
                                + field
                                + "' returned nothing (undefined).",
                        field);
            }
            return v;
        }
        if (template.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = field == null ? null : field + "/" + e.getKey();
                JsonNode v = walk(e.getValue(), scope, at);
                if (v != null) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                String at = field == null ? null : field + "[" + i + "]";
                JsonNode v = walk(template.get(i), scope, at);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        return template;
    }

    /** Evaluates one {@code {% expression %}}; returns null when the result is undefined. */
    public JsonNode evaluate(String template, JsonataScope scope) {
        String body = JsonataTemplates.body(template);
        try {
            Jsonata expr = JsonataTemplates.compile(body);
            Jsonata.Frame frame = expr.createFrame();
            frame.bind("states", JsonataValues.toJava(scope.states()));
            for (Map.Entry<String, JsonNode> v : scope.variables().entrySet()) {
                frame.bind(v.getKey(), JsonataValues.toJava(v.getValue()));
            }
            functions.bind(frame);
            Object result = expr.evaluate(null, frame);
            return JsonataValues.toJson(result);
        } catch (StatesFailure e) {
            throw new StatesFailure(StatesErrors.QUERY_EVALUATION_ERROR, e.cause());
        } catch (JException e) {
            throw new StatesFailure(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "An error occurred while evaluating the expression '"
                            + body
                            + "': "
                            + e.getMessage());
        } catch (RuntimeException e) {
            throw new StatesFailure(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "An error occurred while evaluating the expression '"
                            + body
                            + "': "
                            + e.getMessage());
        } catch (StackOverflowError e) {
            // A function that calls itself without end: the expression's failure, not the engine's.
            throw new StatesFailure(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "An error occurred while evaluating the expression '"
                            + body
                            + "': the evaluation recursed too deeply");
        }
    }
}
