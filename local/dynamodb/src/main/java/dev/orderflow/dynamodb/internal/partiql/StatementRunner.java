package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and runs one statement outside a transaction (ExecuteStatement, BatchExecuteStatement).
 */
final class StatementRunner {
    private final OperationCaller caller;
    private final SelectRunner selects;

    StatementRunner(OperationCaller caller) {
        this.caller = caller;
        this.selects = new SelectRunner(caller);
    }

    OperationCaller caller() {
        return caller;
    }

    /** The statement of a request member with its {@code Parameters}, bound. */
    static Pql.Statement parse(Req r) {
        return PqlParser.parse(r.required("Statement"), parameters(r.node().get("Parameters")));
    }

    static List<JsonNode> parameters(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    ObjectNode select(Pql.Select s, SelectRunner.Options options) {
        return selects.run(s, options);
    }

    /**
     * Runs a write; answers {@code Items} with the RETURNING item, or empty, as DynamoDB does.
     *
     * @throws ApiException DuplicateItemException for an INSERT of an existing key,
     *     ConditionalCheckFailedException for a failed UPDATE or DELETE condition
     */
    ObjectNode write(Pql.Statement s, String onConditionFailure, String capacity) {
        if (s instanceof Pql.Exists) {
            throw PartiqlErrors.validation(
                    "EXISTS can only be used in ExecuteTransaction write requests.");
        }
        WriteTranslator.Write w = WriteTranslator.translate(s, caller.definition(s.table()).key());
        if (capacity != null) {
            w.body().put("ReturnConsumedCapacity", capacity);
        }
        if (onConditionFailure != null && !(s instanceof Pql.Insert)) {
            w.body().put("ReturnValuesOnConditionCheckFailure", onConditionFailure);
        }
        ObjectNode result;
        try {
            result = caller.call(w.operation(), w.body());
        } catch (ApiException e) {
            if (s instanceof Pql.Insert
                    && e.shortName().equals("ConditionalCheckFailedException")) {
                throw PartiqlErrors.duplicateItem();
            }
            throw e;
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("Items");
        JsonNode attributes = OperationCaller.tree(result.get("Attributes"));
        if (attributes != null && !attributes.isEmpty()) {
            items.add(attributes);
        }
        OperationCaller.copy(result, response, "ConsumedCapacity");
        return response;
    }
}
