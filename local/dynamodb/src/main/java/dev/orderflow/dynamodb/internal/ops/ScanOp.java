package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.ItemStore;
import dev.orderflow.dynamodb.internal.table.PartitionKey;
import dev.orderflow.dynamodb.internal.table.RowKey;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Scan of a table or index, with parallel-scan segments. Items come in DynamoDB's order, partitions
 * by the hash of their key ({@link PartitionKey}); a segment is a contiguous share of that hash
 * space, so the segments of a parallel scan partition the table.
 */
final class ScanOp {
    private final Engine engine;

    ScanOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        String indexName = r.string("IndexName");
        Integer segment = r.integer("Segment");
        Integer total = r.integer("TotalSegments");
        // The semantic stage has checked Segment against TotalSegments; what is left is a Segment
        // of 0 without TotalSegments, and the upper bound of TotalSegments.
        if (segment != null && total == null) {
            throw ApiException.validation(
                    "The TotalSegments parameter is required but was not present in the request when"
                            + " Segment parameter is present");
        }
        if (total != null && total > 1_000_000) {
            throw Req.constraint(
                    total, "totalSegments", "Member must have value less than or equal to 1000000");
        }
        Map<String, AttributeValue> start =
                r.has("ExclusiveStartKey") ? r.item("ExclusiveStartKey") : null;
        ExpressionContext ctx =
                r.expressionContext(r.has("FilterExpression") || r.has("ProjectionExpression"));
        return engine.read(
                state -> {
                    Table t = state.table(tableName);
                    TableDefinition def = t.definition();
                    IndexDefinition index =
                            indexName == null ? null : QueryOp.requireIndex(def, indexName);
                    QueryOp.checkIndexRead(
                            t, index, r.bool("ConsistentRead", false), engine.clock());
                    QueryKeyRules.checkScanStart(def, index, start);
                    PageCollector page = new PageCollector(r, ctx, index, "ScanFilter");
                    ctx.checkAllUsed();
                    page.checkSelectOnIndex(index);
                    if (start != null) {
                        QueryKeyRules.checkTableStart(def, start);
                    }
                    page.rejectNestedKeyPaths(def, page.projection);
                    page.rejectNestedKeyPaths(def, page.filterPaths());
                    ItemStore store = index == null ? t.primary() : t.index(index.name());
                    NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>
                            parts = segmentOf(store.partitions(), segment, total);
                    RowKey from = null;
                    AttributeValue startHash = null;
                    if (start != null) {
                        String hashName = index == null ? def.key().hash() : index.key().hash();
                        startHash = start.get(hashName);
                        parts = parts.tailMap(PartitionKey.of(startHash), true);
                        from = index == null ? t.rowOf(start) : t.indexRow(index, start);
                    }
                    page.drain(
                            new ScanIterator(parts, from, startHash),
                            stored -> page.full(t, index, stored),
                            stored -> PageCollector.position(def, index, stored));
                    return page.response(tableName);
                });
    }

    /** The partitions of one parallel-scan segment (all of them without segments). */
    private static NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>
            segmentOf(
                    NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>
                            all,
                    Integer segment,
                    Integer total) {
        if (segment == null) {
            return all;
        }
        PartitionKey from = PartitionKey.segmentStart(segment, total);
        return segment + 1 == total
                ? all.tailMap(from, true)
                : all.subMap(from, true, PartitionKey.segmentStart(segment + 1, total), false);
    }

    /** Walks partitions in Scan order, skipping rows up to the start key. */
    private static final class ScanIterator implements Iterator<Map<String, AttributeValue>> {
        private final Iterator<
                        Map.Entry<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>>
                parts;
        private final RowKey from;
        private final AttributeValue startHash;
        private Iterator<Map<String, AttributeValue>> current = Collections.emptyIterator();

        ScanIterator(
                NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>> parts,
                RowKey from,
                AttributeValue startHash) {
            this.parts = parts.entrySet().iterator();
            this.from = from;
            this.startHash = startHash;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!parts.hasNext()) {
                    return false;
                }
                var e = parts.next();
                boolean skipFirstRows = from != null && e.getKey().value().equals(startHash);
                current =
                        skipFirstRows
                                ? e.getValue().tailMap(from, false).values().iterator()
                                : e.getValue().values().iterator();
            }
            return true;
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }
}
