package dev.orderflow.cloud.internal.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads items into the stack's tables: a seed file (a JSON object from a table's logical id prefix
 * to an array of items in DynamoDB JSON), or the demo catalog bundled with the local cloud.
 */
public final class TableSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(TableSeeder.class);

    private final AwsJsonClient dynamo;
    private final UnaryOperator<String> tableNames;

    /**
     * @param tableNames a table's physical name from its logical id prefix; throws when there is no
     *     such table
     */
    public TableSeeder(AwsJsonClient dynamo, UnaryOperator<String> tableNames) {
        this.dynamo = dynamo;
        this.tableNames = tableNames;
    }

    /** Loads a seed file; how many items were written. */
    public int fromFile(Path seedFile) {
        try (InputStream in = Files.newInputStream(seedFile)) {
            return seed(Json.mapper().readTree(in), table -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the bundled demo catalog; how many items were written. */
    public int demoCatalog() {
        return demoCatalog(table -> true);
    }

    /**
     * Loads the bundled demo catalog into the tables {@code tables} accepts (by physical name); how
     * many items were written.
     */
    public int demoCatalog(Predicate<String> tables) {
        try (InputStream in = TableSeeder.class.getResourceAsStream("/seed/demo-catalog.json")) {
            return seed(Json.mapper().readTree(in), tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int seed(JsonNode seeds, Predicate<String> tables) {
        int written = 0;
        for (Map.Entry<String, JsonNode> entry : seeds.properties()) {
            String table = tableNames.apply(entry.getKey());
            if (!tables.test(table)) {
                continue;
            }
            for (JsonNode item : entry.getValue()) {
                ObjectNode put = Json.object().put("TableName", table);
                put.set("Item", item);
                dynamo.call("PutItem", put);
                written++;
            }
        }
        LOG.info("seeded {} items", written);
        return written;
    }
}
