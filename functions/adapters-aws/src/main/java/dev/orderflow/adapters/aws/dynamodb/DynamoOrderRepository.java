package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders in the orders table, created once and updated under an optimistic lock on {@code version}.
 */
public final class DynamoOrderRepository implements OrderRepository {

    /** The index of a customer's orders, newest first by {@code gsi1sk = createdAt#orderId}. */
    static final String BY_CUSTOMER = "byCustomer";

    /** Index reads per page at most, so a filter that matches little stays bounded. */
    private static final int MAX_QUERIES_PER_PAGE = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Optional<Retention> retention;

    /**
     * For functions that never finish an order (readers, placement, cancel requests): storing an
     * order in a terminal state through it fails, so no finished order is stored without its
     * expiry.
     */
    public DynamoOrderRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Optional.empty());
    }

    /** For functions that may finish an order: a finished order's item expires by {@code keep}. */
    public DynamoOrderRepository(DynamoDbClient dynamo, String table, Retention keep) {
        this(dynamo, table, Optional.of(keep));
    }

    private DynamoOrderRepository(
            DynamoDbClient dynamo, String table, Optional<Retention> retention) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = retention;
    }

    @Override
    public boolean create(Order order) {
        TransactWriteItem put =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(OrderItem.toItem(order))
                                                .conditionExpression("attribute_not_exists(pk)"))
                        .build();
        // No token: the condition already makes a retry that landed answer "exists".
        return writeWithEvent(put, order, "", null);
    }

    @Override
    public Optional<Order> find(OrderId id) {
        Map<String, AttributeValue> key = OrderItem.key(id);
        GetItemResponse response =
                DynamoErrors.translate(
                        "orders table",
                        () ->
                                dynamo.getItem(
                                        g -> g.tableName(table).consistentRead(true).key(key)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OrderItem.fromItem(response.item()));
    }

    @Override
    public boolean update(Order order, String detail) {
        // SET every attribute rather than replacing the item: attributes other writers own (the
        // workflow's executionArn) stay.
        Map<String, AttributeValue> item = OrderItem.toItem(order, expiryOf(order));
        item.remove("pk");
        item.remove("sk");
        Map<String, String> names = new HashMap<>(Map.of("#version", "version"));
        Map<String, AttributeValue> values =
                new HashMap<>(
                        Map.of(
                                ":expected",
                                AttributeValue.fromN(Long.toString(order.version() - 1))));
        List<String> assignments = new ArrayList<>();
        item.forEach(
                (attribute, value) -> {
                    String placeholder = "a" + assignments.size();
                    names.put("#" + placeholder, attribute);
                    values.put(":" + placeholder, value);
                    assignments.add("#" + placeholder + " = :" + placeholder);
                });
        TransactWriteItem update =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(OrderItem.key(order.id()))
                                                .updateExpression(
                                                        "SET " + String.join(", ", assignments))
                                                .conditionExpression("#version = :expected")
                                                .expressionAttributeNames(names)
                                                .expressionAttributeValues(values))
                        .build();
        return writeWithEvent(update, order, detail, token(order));
    }

    @Override
    public List<OrderEvent> trail(OrderId id) {
        List<OrderEvent> events = new ArrayList<>();
        DynamoErrors.translate(
                "orders table",
                () -> {
                    dynamo.queryPaginator(
                                    q ->
                                            q.tableName(table)
                                                    .consistentRead(true)
                                                    .keyConditionExpression(
                                                            "pk = :pk AND begins_with(sk, :events)")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":pk",
                                                                    AttributeValue.fromS(
                                                                            OrderKeys.pk(id)),
                                                                    ":events",
                                                                    AttributeValue.fromS(
                                                                            OrderEventItem
                                                                                    .SK_PREFIX))))
                            .items()
                            .forEach(item -> events.add(OrderEventItem.fromItem(item)));
                    return events;
                });
        return events;
    }

    /**
     * Only the order's item carries the expiry: when TTL removes it, the archiver reads the trail
     * still in the collection, archives the order and then removes the rest ({@link
     * #removeCollection}).
     */
    private Optional<Instant> expiryOf(Order order) {
        if (retention.isEmpty()) {
            if (order.status().isTerminal()) {
                throw new IllegalStateException(
                        "order "
                                + order.id()
                                + " is finished, but this repository has no retention to"
                                + " expire it by");
            }
            return Optional.empty();
        }
        return retention.get().expiryOf(order);
    }

    @Override
    public void removeCollection(OrderId id) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        DynamoErrors.translate(
                "orders table",
                () -> {
                    dynamo
                            .queryPaginator(
                                    q ->
                                            q.tableName(table)
                                                    .consistentRead(true)
                                                    .keyConditionExpression("pk = :pk")
                                                    .projectionExpression("pk, sk")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":pk",
                                                                    AttributeValue.fromS(
                                                                            OrderKeys.pk(id)))))
                            .items()
                            .stream()
                            // The order's own item is TTL's to remove: one still there is live.
                            .filter(key -> !OrderItem.SK.equals(key.get("sk").s()))
                            .forEach(keys::add);
                    return keys;
                });
        // One DeleteItem per item: a collection holds a handful (trail, reservation, shipments),
        // and a delete of an item already gone succeeds, so a retry just repeats them.
        for (Map<String, AttributeValue> key : keys) {
            DynamoErrors.translate(
                    "orders table", () -> dynamo.deleteItem(d -> d.tableName(table).key(key)));
        }
    }

    @Override
    public Page<Order> ofCustomer(String customerId, Set<OrderStatus> statuses, PageRequest page) {
        Map<String, AttributeValue> startKey =
                page.cursor() instanceof Cursor.After after
                        ? OrderCursorCodec.decode(after, customerId)
                        : null;
        return FilteredPages.fill(
                page.limit(),
                MAX_QUERIES_PER_PAGE,
                startKey,
                from -> {
                    QueryRequest query = customerQuery(customerId, statuses, page.limit(), from);
                    QueryResponse response =
                            DynamoErrors.translate("orders table", () -> dynamo.query(query));
                    return new FilteredPages.Read(response.items(), response.lastEvaluatedKey());
                },
                OrderItem::fromItem,
                key -> OrderCursorCodec.encode(customerId, key));
    }

    private QueryRequest customerQuery(
            String customerId,
            Set<OrderStatus> statuses,
            int limit,
            Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>(Map.of("#c", "gsi1pk"));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":c", AttributeValue.fromS("CUSTOMER#" + customerId)));
        QueryRequest.Builder query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(BY_CUSTOMER)
                        .keyConditionExpression("#c = :c")
                        .scanIndexForward(false)
                        .limit(limit);
        if (!statuses.isEmpty()) {
            List<String> placeholders = new ArrayList<>();
            for (OrderStatus status : statuses) {
                String placeholder = ":s" + placeholders.size();
                placeholders.add(placeholder);
                values.put(placeholder, AttributeValue.fromS(status.name()));
            }
            names.put("#status", "status");
            query.filterExpression("#status IN (" + String.join(", ", placeholders) + ")");
        }
        if (startKey != null) {
            query.exclusiveStartKey(startKey);
        }
        return query.expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /**
     * Writes this version of the order (the given write, with its condition) and its trail event in
     * one transaction.
     *
     * @param token the idempotency token, or null for none
     * @return true if written, false if the condition failed or another write held the order
     */
    private boolean writeWithEvent(
            TransactWriteItem orderWrite, Order order, String detail, String token) {
        TransactWriteItem event =
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(
                                                        OrderEventItem.toItem(
                                                                order.id(),
                                                                OrderEvent.of(order, detail)))
                                                .conditionExpression("attribute_not_exists(pk)"))
                        .build();
        try {
            DynamoErrors.translate(
                    "orders table",
                    () ->
                            dynamo.transactWriteItems(
                                    t ->
                                            t.transactItems(orderWrite, event)
                                                    .clientRequestToken(token)));
            return true;
        } catch (TransactionCanceledException e) {
            // A failed condition, or a concurrent transaction on the order: either way the caller
            // re-reads and decides again.
            return false;
        }
    }

    /**
     * The same write gets the same token, so DynamoDB dedupes the SDK's retry of a write that
     * landed; a competing writer's version differs in status or time, so its token does too.
     */
    private static String token(Order order) {
        String write =
                order.id().value()
                        + "@"
                        + order.version()
                        + "/"
                        + order.status()
                        + "/"
                        + order.updatedAt();
        return UUID.nameUUIDFromBytes(write.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
