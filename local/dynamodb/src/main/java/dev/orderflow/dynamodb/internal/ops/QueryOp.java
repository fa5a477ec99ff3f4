package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.ItemStore;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.RowKey;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.time.Clock;
import java.util.Map;
import java.util.NavigableMap;

/** Query on a table or any of its indexes. */
final class QueryOp {
    private final Engine engine;

    QueryOp(Engine engine) {
        this.engine = engine;
    }

    /** What DynamoDB refuses about reading an index before it looks at the keys. */
    static void checkIndexRead(
            Table t, IndexDefinition index, boolean consistentRead, Clock clock) {
        if (index == null) {
            return;
        }
        if (index.global() && consistentRead) {
            throw ApiException.validation(
                    "Consistent reads are not supported on global secondary indexes");
        }
        if (t.lifecycle().isBackfilling(index.name(), clock.instant())) {
            throw ApiException.validation("Cannot read from backfilling global secondary index");
        }
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        Map<String, KeyTerm> terms = r.keyTerms();
        String indexName = r.string("IndexName");
        boolean forward = r.bool("ScanIndexForward", true);
        Map<String, AttributeValue> start =
                r.has("ExclusiveStartKey") ? r.item("ExclusiveStartKey") : null;
        return engine.read(
                state -> {
                    Table t = state.table(tableName);
                    TableDefinition def = t.definition();
                    IndexDefinition index = indexName == null ? null : requireIndex(def, indexName);
                    checkIndexRead(t, index, r.bool("ConsistentRead", false), engine.clock());
                    KeySchema key = index == null ? def.key() : index.key();
                    QueryKeyRules.check(def, index, terms, start);
                    ExpressionContext ctx =
                            r.expressionContext(
                                    r.has("KeyConditionExpression")
                                            || r.has("FilterExpression")
                                            || r.has("ProjectionExpression"));
                    if (r.has("KeyConditionExpression")) {
                        // Marks the key condition's placeholders as used.
                        r.condition("KeyConditionExpression", ctx);
                    }
                    PageCollector page = new PageCollector(r, ctx, index, "QueryFilter");
                    ctx.checkAllUsed();
                    page.rejectNestedKeyPaths(def, page.projection);
                    if (page.filter != null) {
                        rejectKeysInFilter(
                                page.filter,
                                key,
                                r.has("QueryFilter") ? "QueryFilter" : "Filter Expression");
                    }
                    page.checkSelectOnIndex(index);
                    page.rejectNestedKeyPaths(def, page.filterPaths());
                    KeyCondition cond = KeyCondition.fromTerms(terms, key);
                    ItemStore store = index == null ? t.primary() : t.index(index.name());
                    NavigableMap<RowKey, Map<String, AttributeValue>> slice =
                            cond.slice(store.partition(cond.hash()));
                    if (!forward) {
                        slice = slice.descendingMap();
                    }
                    if (start != null) {
                        RowKey from = index == null ? t.rowOf(start) : t.indexRow(index, start);
                        slice = slice.tailMap(from, false);
                    }
                    page.drain(
                            slice.values().iterator(),
                            stored -> page.full(t, index, stored),
                            stored -> PageCollector.position(def, index, stored));
                    return page.response(tableName);
                });
    }

    static IndexDefinition requireIndex(TableDefinition def, String indexName) {
        IndexDefinition index = def.index(indexName);
        if (index == null) {
            throw ApiException.validation(
                    "The table does not have the specified index: " + indexName);
        }
        return index;
    }

    /** Key attributes belong in the key condition, never in the filter. */
    static void rejectKeysInFilter(Condition filter, KeySchema key, String filterName) {
        FilterPaths.forEach(
                filter,
                p -> {
                    String name = p.topName();
                    if (key.isKey(name)) {
                        throw ApiException.validation(
                                filterName
                                        + " can only contain non-primary key attributes:"
                                        + " Primary key attribute: "
                                        + name);
                    }
                });
    }

    /** Visits the document paths of a condition. */
    static final class FilterPaths {
        private FilterPaths() {}

        static void forEach(Condition c, java.util.function.Consumer<Operand.Path> visit) {
            if (c instanceof Condition.And a) {
                forEach(a.left(), visit);
                forEach(a.right(), visit);
            } else if (c instanceof Condition.Or o) {
                forEach(o.left(), visit);
                forEach(o.right(), visit);
            } else if (c instanceof Condition.Not n) {
                forEach(n.inner(), visit);
            } else if (c instanceof Condition.Compare cmp) {
                operand(cmp.left(), visit);
                operand(cmp.right(), visit);
            } else if (c instanceof Condition.Between b) {
                operand(b.value(), visit);
                operand(b.low(), visit);
                operand(b.high(), visit);
            } else if (c instanceof Condition.In in) {
                operand(in.value(), visit);
                in.candidates().forEach(o -> operand(o, visit));
            } else if (c instanceof Condition.Exists e) {
                visit.accept(e.path());
            } else if (c instanceof Condition.NotExists e) {
                visit.accept(e.path());
            } else if (c instanceof Condition.TypeIs ti) {
                visit.accept(ti.path());
            } else if (c instanceof Condition.BeginsWith bw) {
                operand(bw.value(), visit);
                operand(bw.prefix(), visit);
            } else if (c instanceof Condition.Contains ct) {
                operand(ct.container(), visit);
                operand(ct.element(), visit);
            }
        }

        private static void operand(Operand o, java.util.function.Consumer<Operand.Path> visit) {
            if (o instanceof Operand.Path p) {
                visit.accept(p);
            } else if (o instanceof Operand.Size s) {
                operand(s.operand(), visit);
            }
        }
    }
}
