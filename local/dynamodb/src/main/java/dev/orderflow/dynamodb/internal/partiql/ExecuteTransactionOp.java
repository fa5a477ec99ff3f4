package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteTransaction (API reference; "Performing transactions with PartiQL", Developer Guide): up
 * to 100 statements, all reads (run as TransactGetItems) or all writes (run as TransactWriteItems,
 * with its ClientRequestToken idempotency, TransactionConflict handling and cancellation reasons in
 * statement order; an INSERT of an existing key is cancelled as {@code DuplicateItem}).
 */
final class ExecuteTransactionOp {
    private final OperationCaller caller;

    ExecuteTransactionOp(OperationCaller caller) {
        this.caller = caller;
    }

    ObjectNode invoke(Req r) {
        List<Pql.Statement> statements = new ArrayList<>();
        List<Req> members = new ArrayList<>();
        for (JsonNode m : r.node().path("TransactStatements")) {
            Req member = Req.of(m);
            members.add(member);
            statements.add(StatementRunner.parse(member));
        }
        long reads = statements.stream().filter(Pql.Statement::isRead).count();
        if (reads > 0 && reads < statements.size()) {
            throw PartiqlErrors.validation(
                    "ExecuteTransaction API does not support both read and write operations in"
                            + " the same request.");
        }
        return reads > 0 ? read(statements, r) : write(statements, members, r);
    }

    private ObjectNode read(List<Pql.Statement> statements, Req r) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode items = request.putArray("TransactItems");
        List<Projection> projections = new ArrayList<>();
        for (Pql.Statement st : statements) {
            Pql.Select s = (Pql.Select) st;
            if (s.index() != null) {
                throw PartiqlErrors.validation(
                        "Reads on indices are not supported within transactions.");
            }
            WhereClause.ItemKey key;
            try {
                key = WhereClause.itemKey(s.where(), caller.definition(s.table()).key());
            } catch (ApiException e) {
                if (!PartiqlErrors.INCOMPLETE_KEY.equals(e.getMessage())) {
                    throw e;
                }
                throw PartiqlErrors.validation(
                        "Select statements within ExecuteTransaction must specify the primary key"
                                + " in the where clause.");
            }
            if (!key.rest().isEmpty()) {
                throw PartiqlErrors.validation("Unsupported operation in transaction.");
            }
            projections.add(new Projection(s.projection()));
            ObjectNode get = items.addObject().putObject("Get").put("TableName", s.table());
            get.set("Key", key.key());
        }
        OperationCaller.copy(r.node(), request, "ReturnConsumedCapacity");
        ObjectNode result = caller.call("TransactGetItems", request);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = response.putArray("Responses");
        JsonNode got = result.path("Responses");
        for (int i = 0; i < projections.size(); i++) {
            ObjectNode one = responses.addObject();
            JsonNode item = got.path(i).get("Item");
            if (item != null) {
                one.set("Item", projections.get(i).apply(item));
            }
        }
        OperationCaller.copy(result, response, "ConsumedCapacity");
        return response;
    }

    private ObjectNode write(List<Pql.Statement> statements, List<Req> members, Req r) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode items = request.putArray("TransactItems");
        for (int i = 0; i < statements.size(); i++) {
            Pql.Statement s = statements.get(i);
            if ((s instanceof Pql.Update u && u.returning() != null)
                    || (s instanceof Pql.Delete d && d.returning() != null)) {
                throw PartiqlErrors.validation("Unsupported operation in transaction.");
            }
            KeySchema key = caller.definition(s.table()).key();
            WriteTranslator.Write w = WriteTranslator.translate(s, key);
            OperationCaller.copy(
                    members.get(i).node(), w.body(), "ReturnValuesOnConditionCheckFailure");
            items.addObject().set(transactKind(w.operation()), w.body());
        }
        OperationCaller.copy(r.node(), request, "ClientRequestToken", "ReturnConsumedCapacity");
        ObjectNode result;
        try {
            result = caller.call("TransactWriteItems", request);
        } catch (ApiException e) {
            if (e.shortName().equals("TransactionCanceledException")) {
                throw withDuplicateItems(e, statements);
            }
            throw e;
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        OperationCaller.copy(result, response, "ConsumedCapacity");
        return response;
    }

    private static String transactKind(String operation) {
        return switch (operation) {
            case "PutItem" -> "Put";
            case "UpdateItem" -> "Update";
            case "DeleteItem" -> "Delete";
            default -> operation;
        };
    }

    /** The cancellation, with an INSERT's failed not-exists check reported as DuplicateItem. */
    private static ApiException withDuplicateItems(
            ApiException cancelled, List<Pql.Statement> statements) {
        JsonNode reasons = OperationCaller.fields(cancelled).path("CancellationReasons");
        ArrayNode rewritten = JsonNodeFactory.instance.arrayNode();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            ObjectNode reason = (ObjectNode) reasons.get(i).deepCopy();
            if (statements.get(i) instanceof Pql.Insert
                    && reason.path("Code").asText().equals("ConditionalCheckFailed")) {
                reason.removeAll();
                reason.put("Code", "DuplicateItem");
                reason.put("Message", PartiqlErrors.DUPLICATE_ITEM);
            }
            codes.add(reason.path("Code").asText());
            rewritten.add(reason);
        }
        return new ApiException(
                        cancelled.type(),
                        "Transaction cancelled, please refer cancellation reasons for specific"
                                + " reasons ["
                                + String.join(", ", codes)
                                + "]",
                        cancelled.status(),
                        true)
                .with("CancellationReasons", rewritten);
    }
}
