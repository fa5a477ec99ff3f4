package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.jsonata.JsonataScope;
import dev.orderflow.states.internal.model.CommonFields;
import dev.orderflow.states.internal.model.OptionalPath;
import java.util.Map;

/**
 * Input and output processing (ASL spec "Input and Output Processing"; AWS docs "Processing input
 * and output with JSONata"): InputPath → Parameters → work → ResultSelector → ResultPath →
 * OutputPath, or Arguments → work → Output.
 */
public final class DataFlow {
    private DataFlow() {}

    /** The result of processing: the state output and the variables to assign. */
    public record Completion(JsonNode output, Map<String, JsonNode> assign) {}

    /** JSONPath: the effective input after InputPath; JSONata: the raw input. */
    public static JsonNode effectiveInput(StateRun run) {
        CommonFields c = run.state().common();
        if (c.jsonata()) {
            return run.rawInput();
        }
        return select(run, c.inputPath(), run.rawInput());
    }

    /** Applies Parameters (JSONPath) or Arguments (JSONata); returns the input when absent. */
    public static JsonNode parameters(StateRun run, JsonNode effectiveInput) {
        CommonFields c = run.state().common();
        if (c.jsonata()) {
            if (c.arguments() == null) {
                return effectiveInput;
            }
            JsonNode args =
                    run.services()
                            .jsonata()
                            .evaluateField(
                                    c.arguments(), run.jsonataScope(null, null), "Arguments");
            return args == null ? Json.NODES.nullNode() : args;
        }
        if (c.parameters() == null) {
            return effectiveInput;
        }
        return run.services().templates().evaluate(c.parameters(), run.roots(effectiveInput));
    }

    /**
     * Finishes a state that produced {@code result} (Task, Parallel, Map, Pass): ResultSelector,
     * ResultPath, OutputPath and Assign, or Output and Assign.
     */
    public static Completion withResult(StateRun run, JsonNode result) {
        CommonFields c = run.state().common();
        if (c.jsonata()) {
            JsonataScope scope = run.jsonataScope(result, null);
            JsonNode output =
                    c.output() == null
                            ? result
                            : run.services().jsonata().evaluateField(c.output(), scope, "Output");
            return new Completion(
                    output == null ? Json.NODES.nullNode() : output,
                    Assignments.jsonata(run, c.assign(), scope));
        }
        JsonNode selected =
                c.resultSelector() == null
                        ? result
                        : run.services()
                                .templates()
                                .evaluate(c.resultSelector(), run.roots(result));
        Map<String, JsonNode> assign = Assignments.jsonPath(run, c.assign(), selected);
        JsonNode combined =
                c.resultPath().isNull()
                        ? run.rawInput()
                        : c.resultPath().path().write(run.rawInput(), selected);
        return new Completion(select(run, c.outputPath(), combined), assign);
    }

    /**
     * Finishes a state without a result (Choice, Wait, Succeed): OutputPath over the effective
     * input, or Output; {@code assignTemplate} overrides the state's Assign (Choice rules).
     */
    public static Completion withoutResult(
            StateRun run,
            JsonNode effectiveInput,
            JsonNode outputTemplate,
            JsonNode assignTemplate) {
        return withoutResult(
                run, effectiveInput, outputTemplate, "Output", assignTemplate, "Assign");
    }

    /**
     * As {@link #withoutResult(StateRun, JsonNode, JsonNode, JsonNode)}, naming the JSONata fields
     * {@code outputField} and {@code assignField} in failures: AWS locates a matched Choice rule's
     * own fields under the rule, as {@code Choices[0]/Assign/x} (measured in floci-io/floci#2689).
     */
    public static Completion withoutResult(
            StateRun run,
            JsonNode effectiveInput,
            JsonNode outputTemplate,
            String outputField,
            JsonNode assignTemplate,
            String assignField) {
        CommonFields c = run.state().common();
        if (c.jsonata()) {
            JsonataScope scope = run.jsonataScope(null, null);
            JsonNode output =
                    outputTemplate == null
                            ? run.rawInput()
                            : run.services()
                                    .jsonata()
                                    .evaluateField(outputTemplate, scope, outputField);
            return new Completion(
                    output == null ? Json.NODES.nullNode() : output,
                    Assignments.jsonata(run, assignTemplate, scope, assignField));
        }
        Map<String, JsonNode> assign = Assignments.jsonPath(run, assignTemplate, effectiveInput);
        return new Completion(select(run, c.outputPath(), effectiveInput), assign);
    }

    private static JsonNode select(StateRun run, OptionalPath path, JsonNode value) {
        if (path.isNull()) {
            return Json.object();
        }
        if (path.path().text().equals("$")) {
            return value;
        }
        JsonNode found = path.path().read(run.roots(value));
        if (found == null) {
            throw StatesFailure.runtime(
                    "Invalid path '"
                            + path.path().text()
                            + "' : No results for path: "
                            + path.path().bracketed());
        }
        return found;
    }
}
