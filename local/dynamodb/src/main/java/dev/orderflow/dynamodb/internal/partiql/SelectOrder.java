package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * ORDER BY of a SELECT: allowed on the key attributes of a read that is a Query (DynamoDB's rules
 * and messages, "PartiQL select statements"); the sort key orders within a partition, the partition
 * key orders the partitions of an IN.
 */
final class SelectOrder {
    private SelectOrder() {}

    /** Checks the ORDER BY, orders {@code partitions}; returns whether the sort key ascends. */
    static boolean apply(
            Pql.Select s, KeySchema key, WhereClause.ReadPlan plan, List<ObjectNode> partitions) {
        if (s.orderBy().isEmpty()) {
            return true;
        }
        if (s.where() == null) {
            throw PartiqlErrors.validation(
                    "Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        if (!plan.isQuery()) {
            throw PartiqlErrors.validation(
                    "Must have at least one non-optional hash key condition in WHERE clause when"
                            + " using ORDER BY clause.");
        }
        boolean forward = true;
        boolean byHash = false;
        for (Pql.Order o : s.orderBy()) {
            if (o.attribute().equals(key.hash())) {
                byHash = true;
                Comparator<ObjectNode> order = SelectOrder::compare;
                partitions.sort(o.descending() ? order.reversed() : order);
            } else if (o.attribute().equals(key.range())) {
                forward = !o.descending();
            } else {
                throw PartiqlErrors.validation(
                        "Variable reference "
                                + o.attribute()
                                + " in ORDER BY clause must be part of the primary key");
            }
        }
        if (!byHash && partitions.size() > 1) {
            throw PartiqlErrors.validation(
                    "Must have hash key in ORDER BY clause when more than one hash key condition"
                            + " specified in WHERE clause.");
        }
        return forward;
    }

    /** Key values in DynamoDB's order: numbers by value, strings and binaries by their bytes. */
    private static int compare(ObjectNode a, ObjectNode b) {
        JsonNode an = a.get("N");
        JsonNode bn = b.get("N");
        if (an != null && bn != null) {
            return new BigDecimal(an.asText()).compareTo(new BigDecimal(bn.asText()));
        }
        String as = a.path("S").asText(a.path("B").asText());
        String bs = b.path("S").asText(b.path("B").asText());
        return java.util.Arrays.compareUnsigned(
                as.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                bs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
