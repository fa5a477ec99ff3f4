package dev.orderflow.states.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import java.util.Random;

/** Seeded generators of JSON values for property tests. */
final class RandomJson {
    private RandomJson() {}

    static JsonNode value(Random r, int depth) {
        int kind = depth <= 0 ? r.nextInt(4) : r.nextInt(6);
        return switch (kind) {
            case 0 -> Json.NODES.textNode(string(r));
            case 1 -> Json.NODES.numberNode(r.nextInt(2000) - 1000);
            case 2 -> Json.NODES.booleanNode(r.nextBoolean());
            case 3 ->
                    r.nextInt(4) == 0
                            ? Json.NODES.nullNode()
                            : Json.NODES.numberNode(r.nextInt(100) / 4.0);
            case 4 -> object(r, depth - 1);
            default -> array(r, depth - 1);
        };
    }

    static ObjectNode object(Random r, int depth) {
        ObjectNode o = Json.object();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            o.set(key(r), value(r, depth));
        }
        return o;
    }

    static ArrayNode array(Random r, int depth) {
        ArrayNode a = Json.NODES.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            a.add(value(r, depth));
        }
        return a;
    }

    static String key(Random r) {
        String letters = "abcdefghij_";
        StringBuilder sb = new StringBuilder();
        sb.append(letters.charAt(r.nextInt(10)));
        for (int i = r.nextInt(5); i > 0; i--) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        return sb.toString();
    }

    static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int pick = r.nextInt(10);
            sb.appendCodePoint(
                    pick < 6
                            ? 'a' + r.nextInt(26)
                            : pick < 8
                                    ? " ,;'{}\\\"".charAt(r.nextInt(8))
                                    : pick == 8 ? 0xe9 : 0x1F600);
        }
        return sb.toString();
    }
}
