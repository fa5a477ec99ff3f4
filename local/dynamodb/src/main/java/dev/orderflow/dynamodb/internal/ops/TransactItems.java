package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Req;

/** The TransactItems member both transaction operations take: 1 to 100 entries. */
final class TransactItems {
    private static final int MAX_ITEMS = 100;

    private TransactItems() {}

    static JsonNode of(Req r) {
        JsonNode items = r.array("TransactItems");
        if (items == null) {
            throw Req.notNull("TransactItems");
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw Req.constraint(
                    "[...]",
                    "transactItems",
                    items.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to 100");
        }
        return items;
    }
}
