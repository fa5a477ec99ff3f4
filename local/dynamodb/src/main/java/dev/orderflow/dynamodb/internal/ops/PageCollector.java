package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ConditionEvaluator;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared Query/Scan page logic: Limit counts evaluated items, a page stops after 1 MB of evaluated
 * data, the filter applies after the limit, and Select/projection shape the output ("Query" and
 * "Scan" in the DynamoDB API Reference).
 */
final class PageCollector {
    static final int PAGE_BYTES = 1024 * 1024;

    final Condition filter;
    final List<Operand.Path> projection;
    final String select;
    final int limit;
    final String consumedMode;
    final boolean consistent;
    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private int scanned;
    private int bytes;

    /** Read units of table items fetched for an LSI whose projection lacks what was asked. */
    private double fetchedUnits;

    private Map<String, AttributeValue> lastEvaluated;

    private final IndexDefinition index;

    PageCollector(Req r, ExpressionContext ctx, IndexDefinition index, String legacyFilter) {
        this.index = index;
        String filterText = r.string("FilterExpression");
        String projectionText = r.string("ProjectionExpression");
        filter =
                filterText == null
                        ? LegacyConditions.conditions(r, legacyFilter)
                        : r.condition("FilterExpression", ctx);
        projection =
                projectionText == null ? LegacyConditions.attributesToGet(r) : r.projection(ctx);
        select =
                r.enumValue(
                        "Select",
                        projection != null
                                ? "SPECIFIC_ATTRIBUTES"
                                : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES",
                        "ALL_ATTRIBUTES",
                        "ALL_PROJECTED_ATTRIBUTES",
                        "SPECIFIC_ATTRIBUTES",
                        "COUNT");
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw ApiException.validation(
                    "Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
            throw ApiException.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get"
                            + " SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw ApiException.validation(
                    "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        Integer l = r.integer("Limit");
        if (l != null && l < 1) {
            throw Req.constraint(l, "limit", "Member must have value greater than or equal to 1");
        }
        limit = l == null ? Integer.MAX_VALUE : l;
        consumedMode = ItemRequests.consumedMode(r);
        consistent = r.bool("ConsistentRead", false);
    }

    /** The document paths the filter reads. */
    List<Operand.Path> filterPaths() {
        List<Operand.Path> paths = new ArrayList<>();
        if (filter != null) {
            QueryOp.FilterPaths.forEach(filter, paths::add);
        }
        return paths;
    }

    void rejectNestedKeyPaths(TableDefinition def, List<Operand.Path> paths) {
        if (paths != null) {
            Keys.rejectNestedKeyPaths(def, paths);
        }
    }

    /** A GSI that does not project every attribute cannot return ALL_ATTRIBUTES. */
    void checkSelectOnIndex(IndexDefinition index) {
        if (select.equals("ALL_ATTRIBUTES")
                && index != null
                && index.global()
                && !index.projectionType().equals("ALL")) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
                            + " supported for global secondary index "
                            + index.name()
                            + " because its projection type is not ALL");
        }
    }

    /** Offers the next evaluated item; returns false once the page is full. */
    boolean offer(
            Map<String, AttributeValue> stored,
            Map<String, AttributeValue> full,
            Map<String, AttributeValue> position) {
        scanned++;
        bytes += ItemSize.of(stored);
        lastEvaluated = position;
        if (filter == null || ConditionEvaluator.test(filter, full)) {
            items.add(full);
        }
        return scanned < limit && bytes < PAGE_BYTES;
    }

    /** Offers items until the page is full; keeps LastEvaluatedKey only if items remain. */
    void drain(
            java.util.Iterator<Map<String, AttributeValue>> it,
            java.util.function.UnaryOperator<Map<String, AttributeValue>> full,
            java.util.function.UnaryOperator<Map<String, AttributeValue>> position) {
        while (it.hasNext()) {
            Map<String, AttributeValue> stored = it.next();
            if (!offer(stored, full.apply(stored), position.apply(stored))) {
                if (!it.hasNext()) {
                    lastEvaluated = null;
                }
                return;
            }
        }
        lastEvaluated = null;
    }

    ObjectNode response(String tableName) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!select.equals("COUNT")) {
            ArrayNode arr = out.putArray("Items");
            for (Map<String, AttributeValue> item : items) {
                arr.add(
                        AttributeJson.itemNode(
                                projection == null ? item : Projector.project(item, projection)));
            }
        }
        out.put("Count", items.size());
        out.put("ScannedCount", scanned);
        if (lastEvaluated != null) {
            out.set("LastEvaluatedKey", AttributeJson.itemNode(lastEvaluated));
        }
        if (index == null) {
            Capacity.addRead(
                    out, consumedMode, tableName, () -> Capacity.readUnits(bytes, consistent));
        } else {
            Capacity.addIndexRead(
                    out,
                    consumedMode,
                    tableName,
                    index,
                    Capacity.readUnits(bytes, consistent),
                    fetchedUnits);
        }
        return out;
    }

    /** The key attributes that identify a position (table key plus index key). */
    static Map<String, AttributeValue> position(
            TableDefinition def, IndexDefinition index, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(def.key().keyOf(item));
        if (index != null) {
            key.putAll(index.key().keyOf(item));
        }
        return key;
    }

    /**
     * For LSIs queried with ALL_ATTRIBUTES, fetch the table item (and charge its read to the
     * table); otherwise the stored one.
     */
    Map<String, AttributeValue> full(
            Table t, IndexDefinition index, Map<String, AttributeValue> stored) {
        if (index != null
                && select.equals("ALL_ATTRIBUTES")
                && !index.projectionType().equals("ALL")) {
            Map<String, AttributeValue> item = t.get(t.definition().key().keyOf(stored));
            if (item == null) {
                return stored;
            }
            // DynamoDB reads each fetched table item on its own, rounded up per item.
            fetchedUnits += Capacity.readUnits(ItemSize.of(item), consistent);
            return item;
        }
        return stored;
    }
}
