package dev.orderflow.cloud;

import dev.orderflow.dynamodb.DynamoDbEngine;
import dev.orderflow.dynamodb.GlobalTables;
import java.time.Duration;

/**
 * The one place the regions' DynamoDB engines are linked into global tables: what {@link
 * LocalRegions} asks of the engine's {@link GlobalTables}.
 */
final class GlobalTableLinks implements AutoCloseable {

    private final Duration lag;
    private final GlobalTables tables;

    GlobalTableLinks(Duration lag) {
        this.lag = lag;
        this.tables = new GlobalTables(lag);
    }

    /** A region's engine takes part (again, after {@code region up}): what waited is delivered. */
    void attach(String region, DynamoDbEngine engine) {
        tables.attach(region, engine);
    }

    /** A region is down: what is not yet delivered to or from it waits for its attach. */
    void detach(String region) {
        tables.detach(region);
    }

    /**
     * The tables of that name in every attached region (and every region attached later) replicate
     * each other.
     *
     * @throws LocalCloudException when the engine refuses, e.g. strong consistency on a table that
     *     is not empty (DynamoDB's rule: a data directory from an earlier run holds items)
     */
    void replicate(String table, GlobalTables.Consistency consistency) {
        try {
            tables.replicate(table, consistency);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new LocalCloudException(
                    "cannot replicate " + table + " (" + consistency + "): " + e.getMessage(), e);
        }
    }

    Duration lag() {
        return lag;
    }

    @Override
    public void close() {
        tables.close();
    }
}
