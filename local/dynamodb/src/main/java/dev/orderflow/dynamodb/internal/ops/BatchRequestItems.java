package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;

/** The RequestItems member both batch operations take: a map of at least one table. */
final class BatchRequestItems {

    private BatchRequestItems() {}

    static ObjectNode of(Req r) {
        ObjectNode items = r.object("RequestItems");
        if (items == null) {
            throw Req.notNull("RequestItems");
        }
        if (items.isEmpty()) {
            throw Req.constraint(
                    "{}", "requestItems", "Member must have length greater than or equal to 1");
        }
        return items;
    }
}
