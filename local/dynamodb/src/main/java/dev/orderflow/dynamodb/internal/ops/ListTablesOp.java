package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import java.util.TreeSet;

/** ListTables: table names in order, paged; tables still DELETING included. */
final class ListTablesOp {
    private final Engine engine;

    ListTablesOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String start = r.string("ExclusiveStartTableName");
        Integer limit = r.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw Req.constraint(
                    limit,
                    "limit",
                    limit < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 100");
        }
        int max = limit == null ? 100 : limit;
        return engine.read(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode names = out.putArray("TableNames");
                    // Tables still DELETING are listed until they are gone, as DynamoDB lists them.
                    TreeSet<String> all = new TreeSet<>(state.tables().keySet());
                    all.addAll(state.deletingTables().keySet());
                    var candidates = start == null ? all : all.tailSet(start, false);
                    String last = null;
                    for (String n : candidates) {
                        if (names.size() == max) {
                            out.put("LastEvaluatedTableName", last);
                            break;
                        }
                        names.add(n);
                        last = n;
                    }
                    return out;
                });
    }
}
