package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bag literal {@code <<...>>}: DynamoDB's string, number or binary set. Its members must be
 * literals of one type; a parameter stands for a whole set instead.
 */
final class PqlBags {
    private static final String MIXED =
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in"
                    + " bags";

    private PqlBags() {}

    static ObjectNode bag(PqlExprParser values, PqlCursor in) {
        if (in.accept(">>")) {
            throw PartiqlErrors.validation("Empty bags are not supported");
        }
        String type = null;
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        do {
            if (in.peek().kind() == PqlToken.Kind.PARAM) {
                throw PartiqlErrors.validation(MIXED);
            }
            ObjectNode v = values.literal();
            String t = v.has("S") ? "SS" : v.has("N") ? "NS" : null;
            if (t == null || (type != null && !type.equals(t))) {
                throw PartiqlErrors.validation(MIXED);
            }
            type = t;
            members.add(v.get(t.substring(0, 1)));
        } while (in.accept(","));
        in.expect(">>");
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        set.set(type, members);
        return set;
    }
}
