package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A SELECT's projection. Each path's value comes back under its last part ({@code SELECT m.k[1]}
 * gives {@code "k[1]"}), as DynamoDB answers; two paths with the same last part are refused.
 */
final class Projection {
    private final List<Pql.Path> paths;
    private final List<String> outputNames;

    Projection(List<Pql.Path> paths) {
        this.paths = paths;
        this.outputNames = paths.stream().map(Projection::outputName).toList();
        Set<String> seen = new HashSet<>();
        for (String n : outputNames) {
            if (!seen.add(n)) {
                throw PartiqlErrors.validation("Duplicate identifiers in select clause: " + n);
            }
        }
    }

    static String outputName(Pql.Path path) {
        StringBuilder sb = new StringBuilder();
        for (Pql.Step step : path.steps()) {
            if (step instanceof Pql.Name n) {
                sb.setLength(0);
                sb.append(n.name());
            } else if (step instanceof Pql.Index i) {
                sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /** The item as the SELECT returns it ({@code *}: unchanged). */
    JsonNode apply(JsonNode item) {
        if (paths.isEmpty()) {
            return item;
        }
        JsonNode tree = OperationCaller.tree(item);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode v = resolve(tree, paths.get(i));
            if (v != null) {
                out.set(outputNames.get(i), v);
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode item, Pql.Path path) {
        JsonNode at = null;
        for (Pql.Step step : path.steps()) {
            if (at == null) {
                at = item.get(((Pql.Name) step).name());
            } else if (step instanceof Pql.Name n) {
                at = at.path("M").get(n.name());
            } else if (step instanceof Pql.Index i) {
                at = at.path("L").get(i.index());
            }
            if (at == null || at.isMissingNode()) {
                return null;
            }
        }
        return at;
    }
}
