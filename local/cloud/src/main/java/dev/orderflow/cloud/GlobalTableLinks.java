package dev.orderflow.cloud;

import dev.orderflow.dynamodb.DynamoDbEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place the regions' DynamoDB engines are linked into global tables: what {@link
 * LocalRegions} asks of the engine's replication ({@code dev.orderflow.dynamodb.GlobalTables},
 * decision 8 of the multi-region design).
 */
final class GlobalTableLinks implements AutoCloseable {

    private final Duration lag;
    private final Map<String, LocalRegions.Consistency> tables = new LinkedHashMap<>();

    GlobalTableLinks(Duration lag) {
        this.lag = lag;
    }

    /** Whether the engine replicates at all (false until GlobalTables is wired in). */
    boolean available() {
        return false;
    }

    /** A region's engine takes part (again, after {@code region up}). */
    void attach(String region, DynamoDbEngine engine) {}

    /** A region is down: what is not yet delivered to or from it waits for its attach. */
    void detach(String region) {}

    /** The tables of that name in every attached region replicate each other. */
    void replicate(String table, LocalRegions.Consistency consistency) {
        tables.put(table, consistency);
    }

    Duration lag() {
        return lag;
    }

    @Override
    public void close() {}
}
