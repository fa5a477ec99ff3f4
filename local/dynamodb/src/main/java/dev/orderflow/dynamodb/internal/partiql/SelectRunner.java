package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SELECT as DynamoDB does ("PartiQL select statements", Developer Guide): with an equality
 * (or IN) on the partition key of the table or index it is one Query per partition value, the
 * sort-key term becoming the key condition and the rest the filter; otherwise it is a Scan with the
 * whole WHERE as filter. Pages follow the Query/Scan rules (Limit counts items read, 1 MB per
 * read); NextToken continues where the page stopped.
 */
final class SelectRunner {
    private final OperationCaller caller;

    SelectRunner(OperationCaller caller) {
        this.caller = caller;
    }

    /** How the ExecuteStatement request asked to read. */
    record Options(
            Boolean consistentRead, Integer limit, String nextToken, String capacity, String hash) {
        static final Options SINGLE = new Options(null, null, null, null, "");
    }

    ObjectNode run(Pql.Select s, Options o) {
        TableDefinition def = caller.definition(s.table());
        IndexDefinition index = s.index() == null ? null : def.index(s.index());
        KeySchema key = index == null ? def.key() : index.key();
        Projection projection = new Projection(s.projection());
        WhereClause.ReadPlan plan = WhereClause.readPlan(s.where(), key);
        List<ObjectNode> partitions = new ArrayList<>(plan.partitions());
        boolean forward = SelectOrder.apply(s, key, plan, partitions);
        NextToken start = o.nextToken() == null ? null : NextToken.decode(o.nextToken(), o.hash());
        int read = start == null ? 0 : start.read();
        JsonNode startKey = start == null ? null : start.startKey();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        Integer left = o.limit();
        int reads = plan.isQuery() ? partitions.size() : 1;
        CapacitySum capacity = new CapacitySum();
        while (read < reads) {
            ObjectNode partition = plan.isQuery() ? partitions.get(read) : null;
            ObjectNode request =
                    request(s, o, plan, partition, key, new ReadPosition(left, startKey, forward));
            ObjectNode page = caller.call(plan.isQuery() ? "Query" : "Scan", request);
            capacity.add(page.get("ConsumedCapacity"));
            page.path("Items").forEach(item -> items.add(projection.apply(item)));
            JsonNode last = page.get("LastEvaluatedKey");
            if (left != null) {
                left -= page.path("ScannedCount").asInt();
            }
            if (last != null) {
                stop(response, new NextToken(o.hash(), read, last), last);
                break;
            }
            read++;
            startKey = null;
            if (left != null && left <= 0 && read < reads) {
                stop(response, new NextToken(o.hash(), read, null), null);
                break;
            }
        }
        response.set("Items", items);
        capacity.addTo(response);
        return response;
    }

    private static void stop(ObjectNode response, NextToken token, JsonNode lastKey) {
        response.put("NextToken", token.encode());
        if (lastKey != null) {
            response.set("LastEvaluatedKey", lastKey);
        }
    }

    /** The Query (with {@code partition}) or Scan (null) request of one read. */
    private static ObjectNode request(
            Pql.Select s,
            Options o,
            WhereClause.ReadPlan plan,
            ObjectNode partition,
            KeySchema key,
            ReadPosition at) {
        ObjectNode r = JsonNodeFactory.instance.objectNode().put("TableName", s.table());
        if (s.index() != null) {
            r.put("IndexName", s.index());
        }
        if (o.consistentRead() != null) {
            r.put("ConsistentRead", o.consistentRead());
        }
        if (at.left() != null) {
            r.put("Limit", at.left());
        }
        if (at.startKey() != null) {
            r.set("ExclusiveStartKey", at.startKey());
        }
        if (o.capacity() != null) {
            r.put("ReturnConsumedCapacity", o.capacity());
        }
        ExpressionText text = new ExpressionText();
        if (partition != null) {
            String condition = text.name(key.hash()) + " = " + text.value(partition);
            if (plan.rangeTerm() != null) {
                condition += " AND " + rangeCondition(text, plan.rangeTerm());
            }
            r.put("KeyConditionExpression", condition);
            r.put("ScanIndexForward", at.forward());
        }
        String filter = text.conjunction(plan.filter());
        if (filter != null) {
            r.put("FilterExpression", filter);
        }
        text.addTo(r);
        return r;
    }

    /** The sort-key term as a key condition: the key on the left, no outer parentheses. */
    private static String rangeCondition(ExpressionText text, Pql.Expr term) {
        Pql.Expr t = term;
        if (term instanceof Pql.Compare c && c.left() instanceof Pql.Value) {
            // swapped on purpose: the key moves to the left and the operator flips
            t =
                    new Pql.Compare(
                            FLIPPED.getOrDefault(c.op(), c.op()),
                            /* left= */ c.right(),
                            /* right= */ c.left());
        }
        return text.condition(t);
    }

    private static final java.util.Map<String, String> FLIPPED =
            java.util.Map.of("<", ">", "<=", ">=", ">", "<", ">=", "<=");

    /** Where one read starts: items left under Limit, start key, direction. */
    private record ReadPosition(Integer left, JsonNode startKey, boolean forward) {}
}
