package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BatchExecuteStatement (API reference): up to 25 statements, all reads or all writes, each run on
 * its own (not a transaction). Every statement gets a response in request order: its {@code
 * TableName} (and {@code Item} for a read that found one), or an {@code Error} with the short code
 * DynamoDB uses there ({@code ValidationError}, {@code ConditionalCheckFailed}, {@code
 * DuplicateItem}, {@code ResourceNotFound}, ...). A read must name one item by its full key.
 */
final class BatchExecuteStatementOp {
    private final StatementRunner runner;

    BatchExecuteStatementOp(StatementRunner runner) {
        this.runner = runner;
    }

    /** A member statement, parsed, or the error that stopped its parsing. */
    private record Member(Req request, Pql.Statement statement, ApiException error) {}

    ObjectNode invoke(Req r) {
        List<Member> members = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (JsonNode m : r.node().path("Statements")) {
            Req member = Req.of(m);
            try {
                Pql.Statement s = StatementRunner.parse(member);
                reads |= s.isRead();
                writes |= !s.isRead();
                members.add(new Member(member, s, null));
            } catch (ApiException e) {
                members.add(new Member(member, null, e));
            }
        }
        if (reads && writes) {
            throw PartiqlErrors.validation(
                    "Read and write requests together in the same batch is not supported.");
        }
        rejectDuplicateKeys(members);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = response.putArray("Responses");
        String capacity = r.string("ReturnConsumedCapacity");
        BatchCapacity consumed = new BatchCapacity();
        for (Member m : members) {
            responses.add(m.error() != null ? error(m.error()) : run(m, capacity, consumed));
        }
        consumed.addTo(response);
        return response;
    }

    private ObjectNode run(Member m, String capacity, BatchCapacity consumed) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        try {
            ObjectNode result;
            if (m.statement() instanceof Pql.Select s) {
                requireSingleItem(s);
                Boolean consistent =
                        m.request().has("ConsistentRead")
                                ? m.request().bool("ConsistentRead", false)
                                : null;
                result =
                        runner.select(
                                s, new SelectRunner.Options(consistent, null, null, capacity, ""));
            } else {
                result =
                        runner.write(
                                m.statement(),
                                m.request().string("ReturnValuesOnConditionCheckFailure"),
                                capacity);
            }
            consumed.add(result.get("ConsumedCapacity"));
            out.put("TableName", m.statement().table());
            JsonNode items = result.path("Items");
            if (m.statement().isRead() && items.size() > 0) {
                out.set("Item", items.get(0));
            }
            return out;
        } catch (ApiException e) {
            return error(e);
        }
    }

    /** A read in a batch is a single-item read by the table's full key. */
    private void requireSingleItem(Pql.Select s) {
        if (s.index() != null) {
            throw PartiqlErrors.validation("Only single item select is supported");
        }
        try {
            WhereClause.itemKey(s.where(), runner.caller().definition(s.table()).key());
        } catch (ApiException e) {
            if (PartiqlErrors.INCOMPLETE_KEY.equals(e.getMessage())) {
                throw PartiqlErrors.validation("Only single item select is supported");
            }
            throw e;
        }
    }

    /** Two statements on one item: DynamoDB refuses the whole batch. */
    private void rejectDuplicateKeys(List<Member> members) {
        Set<List<Object>> seen = new HashSet<>();
        for (Member m : members) {
            if (m.statement() == null || m.statement() instanceof Pql.Insert) {
                continue;
            }
            Pql.Expr where =
                    m.statement() instanceof Pql.Select s
                            ? s.where()
                            : m.statement() instanceof Pql.Update u
                                    ? u.where()
                                    : m.statement() instanceof Pql.Delete d ? d.where() : null;
            try {
                WhereClause.ItemKey key =
                        WhereClause.itemKey(
                                where, runner.caller().definition(m.statement().table()).key());
                if (!seen.add(List.of(m.statement().table(), key.key()))) {
                    throw PartiqlErrors.validation(
                            "Provided list of item keys contains duplicates");
                }
            } catch (ApiException e) {
                if (e.getMessage() != null && e.getMessage().contains("duplicates")) {
                    throw e;
                }
                // A statement without a key, or on a missing table, fails on its own below.
            }
        }
    }

    static ObjectNode error(ApiException e) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode error = out.putObject("Error");
        error.put("Code", shortCode(e.shortName()));
        error.put("Message", e.getMessage());
        JsonNode item = OperationCaller.fields(e).get("Item");
        if (item != null) {
            error.set("Item", item);
        }
        return out;
    }

    /** The BatchStatementError code for an error type (API reference, BatchStatementError). */
    static String shortCode(String type) {
        if (type.equals("ValidationException")) {
            return "ValidationError";
        }
        return type.endsWith("Exception") ? type.substring(0, type.length() - 9) : type;
    }
}
