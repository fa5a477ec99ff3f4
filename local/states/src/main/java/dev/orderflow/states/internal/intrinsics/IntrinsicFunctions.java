package dev.orderflow.states.internal.intrinsics;

import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.arity;
import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.array;
import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.fail;
import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.integer;
import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.limited;
import static dev.orderflow.states.internal.intrinsics.IntrinsicArguments.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.paths.PathRoots;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The JSONPath intrinsic functions (AWS docs "Intrinsic functions for JSONPath states"). Every
 * misuse raises {@code States.IntrinsicFailure}.
 */
public final class IntrinsicFunctions {
    /** All function names AWS defines. */
    public static final Set<String> NAMES =
            Set.of(
                    "States.Format",
                    "States.StringToJson",
                    "States.JsonToString",
                    "States.Array",
                    "States.ArrayPartition",
                    "States.ArrayContains",
                    "States.ArrayRange",
                    "States.ArrayGetItem",
                    "States.ArrayLength",
                    "States.ArrayUnique",
                    "States.Base64Encode",
                    "States.Base64Decode",
                    "States.Hash",
                    "States.JsonMerge",
                    "States.MathRandom",
                    "States.MathAdd",
                    "States.StringSplit",
                    "States.UUID");

    static final int MAX_STRING = 10_000;
    private static final int MAX_RANGE = 1000;

    private final Random random;

    /** Creates the function table using {@code random} for MathRandom and UUID. */
    public IntrinsicFunctions(Random random) {
        this.random = random;
    }

    /**
     * Evaluates a parsed call.
     *
     * @throws StatesFailure {@code States.IntrinsicFailure} on bad arguments, {@code
     *     States.Runtime} when a path argument selects nothing
     */
    public JsonNode evaluate(IntrinsicExpr.Call call, PathRoots roots) {
        List<JsonNode> args = new ArrayList<>(call.args().size());
        for (int i = 0; i < call.args().size(); i++) {
            IntrinsicExpr arg = call.args().get(i);
            boolean keepEscapes = i == 0 && call.name().equals("States.Format");
            args.add(argument(arg, roots, keepEscapes));
        }
        return evaluateValues(call.name(), args);
    }

    private JsonNode argument(IntrinsicExpr arg, PathRoots roots, boolean keepEscapes) {
        if (arg instanceof IntrinsicExpr.Literal l) {
            return keepEscapes || !l.value().isTextual()
                    ? l.value()
                    : Json.NODES.textNode(
                            l.value().asText().replace("\\{", "{").replace("\\}", "}"));
        }
        if (arg instanceof IntrinsicExpr.PathArg p) {
            JsonNode v = p.path().read(roots);
            if (v == null) {
                throw StatesFailure.runtime(
                        "The JsonPath argument for the field '"
                                + p.path().text()
                                + "' could not be found in the input '"
                                + Json.write(roots.input())
                                + "'");
            }
            return v;
        }
        return evaluate((IntrinsicExpr.Call) arg, roots);
    }

    /**
     * Applies a function to already evaluated arguments.
     *
     * @throws StatesFailure {@code States.IntrinsicFailure} on bad arguments
     */
    public JsonNode evaluateValues(String name, List<JsonNode> a) {
        return switch (name) {
            case "States.Format" -> format(a);
            case "States.StringToJson" -> {
                arity(name, a, 1);
                String s = string(name, a.get(0));
                // AWS answers null for an empty or blank string rather than failing (recorded
                // executions, LocalStack test_json_manipulation snapshot "test_string_to_json").
                if (s.isBlank()) {
                    yield Json.NODES.nullNode();
                }
                try {
                    yield Json.parse(s);
                } catch (IllegalArgumentException e) {
                    throw fail(
                            "The string argument for the function " + name + " is not valid JSON");
                }
            }
            case "States.JsonToString" -> {
                arity(name, a, 1);
                yield Json.NODES.textNode(Json.write(a.get(0)));
            }
            case "States.Array" -> {
                ArrayNode arr = Json.NODES.arrayNode();
                a.forEach(arr::add);
                yield arr;
            }
            case "States.ArrayPartition" -> partition(name, a);
            case "States.ArrayContains" -> {
                arity(name, a, 2);
                ArrayNode arr = array(name, a.get(0));
                boolean found = false;
                for (JsonNode n : arr) {
                    found |= n.equals(a.get(1));
                }
                yield Json.NODES.booleanNode(found);
            }
            case "States.ArrayRange" -> range(name, a);
            case "States.ArrayGetItem" -> {
                arity(name, a, 2);
                ArrayNode arr = array(name, a.get(0));
                int index = integer(name, a.get(1));
                if (index < 0 || index >= arr.size()) {
                    throw fail(
                            "The index argument "
                                    + index
                                    + " for the function "
                                    + name
                                    + " is out of bounds");
                }
                yield arr.get(index);
            }
            case "States.ArrayLength" -> {
                arity(name, a, 1);
                yield Json.NODES.numberNode(array(name, a.get(0)).size());
            }
            case "States.ArrayUnique" -> {
                arity(name, a, 1);
                Set<JsonNode> seen = new LinkedHashSet<>();
                array(name, a.get(0)).forEach(seen::add);
                ArrayNode out = Json.NODES.arrayNode();
                seen.forEach(out::add);
                yield out;
            }
            case "States.Base64Encode" -> {
                arity(name, a, 1);
                String s = limited(name, string(name, a.get(0)));
                yield Json.NODES.textNode(
                        Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
            }
            case "States.Base64Decode" -> {
                arity(name, a, 1);
                String s = limited(name, string(name, a.get(0)));
                try {
                    yield Json.NODES.textNode(
                            new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw fail(
                            "The string argument for the function "
                                    + name
                                    + " is not valid Base64");
                }
            }
            case "States.Hash" -> hash(name, a);
            case "States.JsonMerge" -> merge(name, a);
            case "States.MathRandom" -> mathRandom(name, a);
            case "States.MathAdd" -> {
                arity(name, a, 2);
                // The docs say integers, but AWS rounds each number half up and adds them:
                // 1.5 + 1.51 = 4, -1.49 + -1.5 = -2 (recorded executions, LocalStack
                // test_math_operations snapshot "test_math_add").
                long sum = roundedInteger(name, a.get(0)) + roundedInteger(name, a.get(1));
                yield Json.NODES.numberNode(sum);
            }
            case "States.StringSplit" -> {
                arity(name, a, 2);
                String s = string(name, a.get(0));
                String delims = string(name, a.get(1));
                ArrayNode out = Json.NODES.arrayNode();
                StringBuilder cur = new StringBuilder();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (delims.indexOf(c) >= 0) {
                        if (cur.length() > 0) {
                            out.add(cur.toString());
                        }
                        cur.setLength(0);
                    } else {
                        cur.append(c);
                    }
                }
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                yield out;
            }
            case "States.UUID" -> {
                arity(name, a, 0);
                yield Json.NODES.textNode(uuid());
            }
            default -> throw fail("Unknown intrinsic function " + name);
        };
    }

    /** A version-4 UUID drawn from this table's random source. */
    public String uuid() {
        long msb = random.nextLong();
        long lsb = random.nextLong();
        msb = (msb & 0xffffffffffff0fffL) | 0x0000000000004000L;
        lsb = (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static long roundedInteger(String name, JsonNode n) {
        if (!n.isNumber()) {
            return integer(name, n);
        }
        if (n.isIntegralNumber()) {
            return integer(name, n);
        }
        double d = Math.floor(n.asDouble() + 0.5);
        if (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
            return integer(name, n);
        }
        return (long) d;
    }

    private JsonNode format(List<JsonNode> a) {
        String name = "States.Format";
        if (a.isEmpty()) {
            throw fail("The function " + name + " requires at least 1 argument");
        }
        String template = string(name, a.get(0));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= a.size()) {
                    throw fail(
                            "Number of arguments in "
                                    + name
                                    + " do not match the number of placeholders");
                }
                JsonNode v = a.get(next++);
                out.append(FormatArgument.render(v));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != a.size()) {
            throw fail(
                    "Number of arguments in " + name + " do not match the number of placeholders");
        }
        return Json.NODES.textNode(out.toString());
    }

    private JsonNode partition(String name, List<JsonNode> a) {
        arity(name, a, 2);
        ArrayNode arr = array(name, a.get(0));
        int size = integer(name, a.get(1));
        if (size <= 0) {
            throw fail(
                    "The chunk size argument for the function "
                            + name
                            + " must be a positive integer");
        }
        ArrayNode out = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < arr.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(arr.get(i));
        }
        return out;
    }

    private JsonNode range(String name, List<JsonNode> a) {
        arity(name, a, 3);
        int start = integer(name, a.get(0));
        int end = integer(name, a.get(1));
        int step = integer(name, a.get(2));
        if (step == 0) {
            throw fail("The step argument for the function " + name + " must not be 0");
        }
        ArrayNode out = Json.NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() >= MAX_RANGE) {
                throw fail("The function " + name + " generated more than " + MAX_RANGE + " items");
            }
            out.add(v);
        }
        return out;
    }

    private JsonNode hash(String name, List<JsonNode> a) {
        arity(name, a, 2);
        String data = limited(name, string(name, a.get(0)));
        String algorithm = string(name, a.get(1));
        if (!Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(algorithm)) {
            throw fail(
                    "The hash algorithm '"
                            + algorithm
                            + "' for the function "
                            + name
                            + " is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance(algorithm)
                            .digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode merge(String name, List<JsonNode> a) {
        arity(name, a, 3);
        if (!a.get(0).isObject() || !a.get(1).isObject()) {
            throw fail(
                    "The first two arguments for the function " + name + " must be JSON objects");
        }
        if (!a.get(2).isBoolean()) {
            throw fail("The third argument for the function " + name + " must be a boolean");
        }
        if (a.get(2).asBoolean()) {
            throw fail(
                    "The function "
                            + name
                            + " does not support deep merging; set the third argument to false");
        }
        ObjectNode out = a.get(0).deepCopy();
        out.setAll((ObjectNode) a.get(1).deepCopy());
        return out;
    }

    private JsonNode mathRandom(String name, List<JsonNode> a) {
        if (a.size() != 2 && a.size() != 3) {
            throw fail("The function " + name + " requires 2 or 3 arguments");
        }
        // The docs say integers, but AWS accepts other numbers (recorded executions, LocalStack
        // test_math_operations snapshot "test_math_random": 12.5 to 44.51 succeeds; the number
        // drawn is not recorded). They are rounded as MathAdd rounds them.
        long start = roundedInteger(name, a.get(0));
        long end = roundedInteger(name, a.get(1));
        if (end <= start) {
            throw fail(
                    "The end argument for the function "
                            + name
                            + " must be greater than the start argument");
        }
        Random source = a.size() == 3 ? new Random(integer(name, a.get(2))) : random;
        return Json.NODES.numberNode(start + (long) (source.nextDouble() * (end - start)));
    }
}
