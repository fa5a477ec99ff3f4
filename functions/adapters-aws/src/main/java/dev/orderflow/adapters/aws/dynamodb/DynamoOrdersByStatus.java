package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.OrdersByStatus;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Orders by status over the write-sharded, keys-only {@code byStatus} index. A page queries every
 * shard that is not exhausted, newest first, for up to a page of keys each; merges them by {@code
 * gsi2sk} (updatedAt, then order id), newest first; keeps a page; and reads those orders with one
 * {@code BatchGetItem}. The cursor records where each shard stopped, so no order is skipped or
 * repeated while the index stands still.
 */
public final class DynamoOrdersByStatus implements OrdersByStatus {

    /** The index of orders by status, sharded {@link OrderItem#STATUS_SHARDS} ways. */
    static final String BY_STATUS = "byStatus";

    /** Rounds of retrying unprocessed keys before giving up as throttled. */
    private static final int MAX_BATCH_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrdersByStatus(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Page<Order> withStatus(OrderStatus status, PageRequest page) {
        int shards = OrderItem.STATUS_SHARDS;
        List<StatusCursorCodec.Position> positions =
                page.cursor() instanceof Cursor.After after
                        ? StatusCursorCodec.decode(after, status, shards)
                        : Collections.nCopies(shards, StatusCursorCodec.Position.START);

        List<Deque<Map<String, AttributeValue>>> heads = new ArrayList<>();
        boolean[] more = new boolean[shards];
        for (int k = 0; k < shards; k++) {
            StatusCursorCodec.Position position = positions.get(k);
            if (position.exhausted()) {
                heads.add(new ArrayDeque<>());
                continue;
            }
            QueryResponse response = query(status, k, position, page.limit());
            heads.add(new ArrayDeque<>(response.items()));
            more[k] = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        }

        List<Map<String, AttributeValue>> taken = new ArrayList<>();
        String[] lastTaken = new String[shards];
        while (taken.size() < page.limit()) {
            int newest = newestHead(heads);
            if (newest < 0) {
                break;
            }
            Map<String, AttributeValue> key = heads.get(newest).poll();
            taken.add(key);
            lastTaken[newest] = key.get("gsi2sk").s();
        }

        List<StatusCursorCodec.Position> next = new ArrayList<>();
        boolean open = false;
        for (int k = 0; k < shards; k++) {
            StatusCursorCodec.Position position = positions.get(k);
            if (position.exhausted() || (heads.get(k).isEmpty() && !more[k])) {
                next.add(StatusCursorCodec.Position.DONE);
                continue;
            }
            open = true;
            next.add(
                    lastTaken[k] == null
                            ? position
                            : StatusCursorCodec.Position.after(lastTaken[k]));
        }
        return new Page<>(
                read(taken),
                open ? Optional.of(StatusCursorCodec.encode(status, next)) : Optional.empty());
    }

    private QueryResponse query(
            OrderStatus status, int shard, StatusCursorCodec.Position position, int limit) {
        QueryRequest.Builder query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(BY_STATUS)
                        .keyConditionExpression("gsi2pk = :pk")
                        .expressionAttributeValues(
                                Map.of(
                                        ":pk",
                                        AttributeValue.fromS(
                                                StatusCursorCodec.partitionKey(status, shard))))
                        .scanIndexForward(false)
                        .limit(limit);
        position.afterSortKey()
                .ifPresent(
                        sortKey ->
                                query.exclusiveStartKey(
                                        StatusCursorCodec.startKey(status, shard, sortKey)));
        QueryRequest request = query.build();
        return DynamoErrors.translate("orders table", () -> dynamo.query(request));
    }

    /** The shard whose next key is newest (ties by order id, as the index sorts), or -1. */
    private static int newestHead(List<Deque<Map<String, AttributeValue>>> heads) {
        int newest = -1;
        String best = null;
        for (int k = 0; k < heads.size(); k++) {
            Map<String, AttributeValue> head = heads.get(k).peek();
            if (head != null && (best == null || head.get("gsi2sk").s().compareTo(best) > 0)) {
                best = head.get("gsi2sk").s();
                newest = k;
            }
        }
        return newest;
    }

    /** The orders behind the index keys, in the keys' order; an order gone meanwhile is skipped. */
    private List<Order> read(List<Map<String, AttributeValue>> indexKeys) {
        if (indexKeys.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> k : indexKeys) {
            keys.add(Map.of("pk", k.get("pk"), "sk", k.get("sk")));
        }
        Map<String, Order> byPk = new HashMap<>();
        Map<String, KeysAndAttributes> pending =
                Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_BATCH_ROUNDS) {
                throw new DependencyUnavailable(
                        "orders table", new IllegalStateException("keys stayed unprocessed"));
            }
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response =
                    DynamoErrors.translate(
                            "orders table",
                            () -> dynamo.batchGetItem(b -> b.requestItems(request)));
            response.responses()
                    .getOrDefault(table, List.of())
                    .forEach(item -> byPk.put(item.get("pk").s(), OrderItem.fromItem(item)));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        List<Order> orders = new ArrayList<>();
        for (Map<String, AttributeValue> k : keys) {
            Order order = byPk.get(k.get("pk").s());
            if (order != null) {
                orders.add(order);
            }
        }
        return orders;
    }
}
