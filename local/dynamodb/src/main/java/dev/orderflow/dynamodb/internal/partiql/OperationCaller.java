package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.validate.SemanticStage;

/**
 * Runs a translated statement as the engine's own operation (GetItem, Query, Scan, PutItem,
 * UpdateItem, DeleteItem, TransactGetItems, TransactWriteItems), through its semantic stage, so
 * that PartiQL shares their checks, locking, conditions, streams and journal.
 */
final class OperationCaller {
    private final Engine engine;

    OperationCaller(Engine engine) {
        this.engine = engine;
    }

    ObjectNode call(String operation, ObjectNode body) {
        Req req = new Req(body);
        SemanticStage.check(operation, body, req);
        return engine.operation(operation).invoke(req);
    }

    /** The table's definition, or DynamoDB's ResourceNotFoundException. */
    TableDefinition definition(String table) {
        return engine.read(state -> state.table(table).definition());
    }

    /**
     * An item of an operation's response as a JSON tree: responses hold items as nodes that write
     * themselves (no tree is built on the hot path), which a projection cannot look into.
     */
    static JsonNode tree(JsonNode item) {
        if (item instanceof com.fasterxml.jackson.databind.node.POJONode pojo) {
            return MAPPER.valueToTree(pojo.getPojo());
        }
        return item;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The extra fields of an error body (e.g. {@code Item}, {@code CancellationReasons}). */
    static ObjectNode fields(ApiException e) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        e.addFields(body);
        return body;
    }

    /** Copies the members of {@code from} named in {@code members} that are present. */
    static void copy(JsonNode from, ObjectNode to, String... members) {
        for (String m : members) {
            JsonNode v = from.get(m);
            if (v != null && !v.isNull()) {
                to.set(m, v);
            }
        }
    }
}
