package dev.orderflow.states.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import java.util.List;

/**
 * Argument checks shared by the intrinsic functions, each failing with {@code
 * States.IntrinsicFailure} and a cause naming the function (ASL spec "Intrinsic functions").
 */
final class IntrinsicArguments {

    private IntrinsicArguments() {}

    static void arity(String name, List<JsonNode> a, int expected) {
        if (a.size() != expected) {
            throw fail(
                    "The function "
                            + name
                            + " requires "
                            + expected
                            + " argument"
                            + (expected == 1 ? "" : "s")
                            + " but "
                            + a.size()
                            + " were given");
        }
    }

    static String string(String name, JsonNode n) {
        if (!n.isTextual()) {
            throw fail(
                    "The function "
                            + name
                            + " expects a string argument but got "
                            + Json.typeName(n));
        }
        return n.asText();
    }

    static String limited(String name, String s) {
        if (s.length() > IntrinsicFunctions.MAX_STRING) {
            throw fail(
                    "The input string for the function "
                            + name
                            + " exceeds "
                            + IntrinsicFunctions.MAX_STRING
                            + " characters");
        }
        return s;
    }

    static ArrayNode array(String name, JsonNode n) {
        if (!n.isArray()) {
            throw fail(
                    "The function "
                            + name
                            + " expects an array argument but got "
                            + Json.typeName(n));
        }
        return (ArrayNode) n;
    }

    static int integer(String name, JsonNode n) {
        if (!n.isNumber()
                || !(n.isIntegralNumber() || n.asDouble() == Math.rint(n.asDouble()))
                || !n.canConvertToInt()) {
            throw fail(
                    "The function "
                            + name
                            + " expects an integer argument but got "
                            + Json.write(n));
        }
        return n.asInt();
    }

    static StatesFailure fail(String cause) {
        return new StatesFailure(StatesErrors.INTRINSIC_FAILURE, cause);
    }
}
