package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.templates.PayloadTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Resolves a Map state's items, item selection, batching and limits. */
final class MapItems {
    private MapItems() {}

    static ArrayNode items(StateRun run, State.Map map, JsonNode input) {
        JsonNode items;
        if (map.common().jsonata()) {
            items = map.items() == null ? run.rawInput() : jsonata(run, map.items());
            if (items == null || !items.isArray()) {
                throw new StatesFailure(
                        StatesErrors.QUERY_EVALUATION_ERROR,
                        "The Items field must evaluate to a JSON array but returned "
                                + (items == null ? "undefined" : Json.typeName(items)));
            }
        } else {
            items =
                    map.itemsPath().isNull()
                            ? input
                            : map.itemsPath().path().read(run.roots(input));
            if (items == null) {
                throw StatesFailure.runtime(
                        "Invalid path '"
                                + map.itemsPath().path().text()
                                + "' : No results for path: "
                                + map.itemsPath().path().bracketed());
            }
            if (!items.isArray()) {
                throw StatesFailure.runtime(
                        "Invalid path '"
                                + map.itemsPath().path().text()
                                + "': The Map state's ItemsPath field must reference a JSON array but found "
                                + Json.typeName(items));
            }
        }
        return (ArrayNode) items;
    }

    static JsonNode select(StateRun run, State.Map map, JsonNode input, int index, JsonNode item) {
        if (map.itemSelector() == null) {
            return item;
        }
        ObjectNode mapItem = Json.object();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        if (map.common().jsonata()) {
            var scope = run.jsonataScope(null, null);
            ((ObjectNode) scope.states().get("context")).putObject("Map").set("Item", mapItem);
            JsonNode v = run.services().jsonata().evaluateTemplate(map.itemSelector(), scope);
            return v == null ? Json.NODES.nullNode() : v;
        }
        var roots =
                new dev.orderflow.states.internal.paths.PathRoots(
                        input,
                        () -> {
                            ObjectNode ctx = run.contextObject();
                            ctx.putObject("Map").set("Item", mapItem);
                            return ctx;
                        },
                        name -> run.roots(input).variables().apply(name));
        return run.services().templates().evaluate(map.itemSelector(), roots);
    }

    static List<JsonNode> batch(StateRun run, State.Map map, JsonNode input, List<JsonNode> items) {
        JsonNode batcher = map.itemBatcher();
        if (batcher == null) {
            return items;
        }
        int maxItems = (int) number(run, batcher, "MaxItemsPerBatch", input, Integer.MAX_VALUE);
        long maxBytes = number(run, batcher, "MaxInputBytesPerBatch", input, Quotas.PAYLOAD_BYTES);
        JsonNode batchInput = batcher.get("BatchInput");
        if (batchInput != null && !map.common().jsonata()) {
            batchInput = run.services().templates().evaluate(batchInput, run.roots(input));
        } else if (batchInput != null) {
            batchInput = jsonata(run, batchInput);
        }
        List<JsonNode> out = new ArrayList<>();
        ArrayNode current = null;
        long bytes = 0;
        for (JsonNode item : items) {
            long size = Json.sizeInBytes(item);
            if (current == null || current.size() >= maxItems || bytes + size > maxBytes) {
                ObjectNode b = Json.object();
                if (batchInput != null) {
                    b.set("BatchInput", batchInput);
                }
                current = b.putArray("Items");
                out.add(b);
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        return out;
    }

    static long number(StateRun run, JsonNode holder, String field, JsonNode input, long dflt) {
        JsonNode v = holder.get(field);
        JsonNode p = holder.get(field + "Path");
        if (p != null && p.isTextual()) {
            v = numberText(PayloadTemplate.path(p.asText()).require(run.roots(input)));
        } else if (v != null && v.isTextual()) {
            v = jsonata(run, v);
        }
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw StatesFailure.runtime(
                    "The value of " + field + " must be a non-negative number but was " + v);
        }
        return v.asLong();
    }

    static double percentage(StateRun run, State.Map map, JsonNode input) {
        JsonNode v = map.toleratedFailurePercentage();
        if (map.toleratedFailurePercentagePath() != null) {
            v =
                    numberText(
                            PayloadTemplate.path(map.toleratedFailurePercentagePath())
                                    .require(run.roots(input)));
        } else if (v != null && v.isTextual()) {
            v = jsonata(run, v);
        }
        if (v == null) {
            return -1;
        }
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 100) {
            throw StatesFailure.runtime(
                    "ToleratedFailurePercentage must be a number between 0 and 100 but was " + v);
        }
        return v.asDouble();
    }

    /**
     * A value a {@code *Path} field selected: AWS takes a string holding a number as that number
     * (recorded AWS executions read MaxConcurrencyPath, ToleratedFailureCountPath,
     * ToleratedFailurePercentagePath and MaxItemsPerBatchPath from variables assigned "1" or "2").
     */
    private static JsonNode numberText(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return v;
        }
        try {
            return Json.NODES.numberNode(new BigDecimal(v.asText().trim()));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static JsonNode jsonata(StateRun run, JsonNode field) {
        return run.services().jsonata().evaluateTemplate(field, run.jsonataScope(null, null));
    }
}
