package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;
import java.time.Instant;

/** What DynamoDB checks before it changes or deletes an existing table. */
final class TableChanges {

    private TableChanges() {}

    /**
     * DynamoDB refuses to change a table that is still CREATING or UPDATING (DeleteTable and
     * UpdateTable API reference; the messages as DynamoDB words them in public error reports).
     */
    static void refuseWhileChanging(Table t, String name, Instant now) {
        switch (t.lifecycle().status(now)) {
            case CREATING ->
                    throw ApiException.resourceInUse(
                            "Attempt to change a resource which is still in use: Table is being"
                                    + " created: "
                                    + name);
            case UPDATING ->
                    throw ApiException.resourceInUse(
                            "Attempt to change a resource which is still in use: Table is being"
                                    + " updated: "
                                    + name);
            case ACTIVE -> {}
        }
    }
}
