package dev.orderflow.states.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The functions Step Functions adds to JSONata: {@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse} (AWS docs "JSONata functions provided by Step
 * Functions"). Each delegates to the intrinsic of the same meaning. {@code $eval}, which AWS does
 * not offer, fails with States.QueryEvaluationError.
 */
final class AwsJsonataFunctions {
    private final IntrinsicFunctions intrinsics;
    private final Random random;

    AwsJsonataFunctions(Random random) {
        this.random = random;
        this.intrinsics = new IntrinsicFunctions(random);
    }

    void bind(Jsonata.Frame frame) {
        // AWS docs "Transforming data with JSONata": every JSONata 2.0.6 function except $eval.
        frame.bind(
                "eval",
                new Jsonata.JFunction(
                        (input, args) -> {
                            throw new IllegalArgumentException(
                                    "The function $eval is not available in Step Functions; use $parse");
                        },
                        null));
        frame.bind(
                "partition",
                new Jsonata.JFunction((input, args) -> call("States.ArrayPartition", args), null));
        frame.bind("range", new Jsonata.JFunction((input, args) -> range(args), null));
        frame.bind("hash", new Jsonata.JFunction((input, args) -> call("States.Hash", args), null));
        frame.bind("uuid", new Jsonata.JFunction((input, args) -> intrinsics.uuid(), null));
        frame.bind(
                "random",
                new Jsonata.JFunction(
                        (input, args) -> {
                            if (args != null
                                    && !args.isEmpty()
                                    && args.get(0) instanceof Number seed) {
                                return new Random(seed.longValue()).nextDouble();
                            }
                            return random.nextDouble();
                        },
                        null));
        frame.bind(
                "parse",
                new Jsonata.JFunction(
                        (input, args) -> {
                            Object text = args == null || args.isEmpty() ? null : args.get(0);
                            if (!(text instanceof String s)) {
                                throw new IllegalArgumentException("$parse expects a JSON string");
                            }
                            return JsonataValues.toJava(Json.parse(s));
                        },
                        null));
    }

    /**
     * {@code $range} yields a JSONata sequence, so a one-number range is that number: AWS answers
     * {@code 1} for {@code $range(1, 9, 9)} (recorded executions, LocalStack test_array_jsonata
     * snapshot "test_array_range"). {@code $partition} keeps its outer array.
     */
    private Object range(List<?> args) {
        Object result = call("States.ArrayRange", args);
        if (result instanceof List<?> list && list.size() == 1) {
            return list.get(0);
        }
        return result;
    }

    private Object call(String intrinsic, List<?> args) {
        List<JsonNode> nodes = new ArrayList<>();
        if (args != null) {
            for (Object a : args) {
                JsonNode n = JsonataValues.toJson(a);
                nodes.add(n == null ? Json.NODES.nullNode() : n);
            }
        }
        JsonNode result = intrinsics.evaluateValues(intrinsic, nodes);
        return JsonataValues.toJava(result);
    }
}
