package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.ArchivedOrder;
import dev.orderflow.domain.order.OrderArchive;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The order archive table: one item per finished order, partition key {@code customerId}, sort key
 * {@code placedKey = <createdAt>#<orderId>} (a customer's history, newest first, is one Query), and
 * the local secondary index {@code byOrderId} (sort key {@code orderId}, keys only) that finds one
 * order of a customer. No TTL: the archive is what stays.
 */
public final class DynamoOrderArchive implements OrderArchive {

    /** The local secondary index on {@code orderId}. */
    static final String BY_ORDER_ID = "byOrderId";

    private static final int MAX_QUERIES_PER_PAGE = 10;
    private static final String CURSOR_VERSION = "a1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrderArchive(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void keep(ArchivedOrder order) {
        Map<String, AttributeValue> item = toItem(order);
        DynamoErrors.translate(
                "order archive", () -> dynamo.putItem(p -> p.tableName(table).item(item)));
    }

    @Override
    public Optional<ArchivedOrder> find(String customerId, OrderId id) {
        QueryResponse keys =
                DynamoErrors.translate(
                        "order archive",
                        () ->
                                dynamo.query(
                                        q ->
                                                q.tableName(table)
                                                        .indexName(BY_ORDER_ID)
                                                        .keyConditionExpression(
                                                                "customerId = :c AND orderId = :o")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":c", s(customerId),
                                                                        ":o", s(id.value())))));
        if (keys.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> found = keys.items().get(0);
        Map<String, AttributeValue> key =
                Map.of("customerId", found.get("customerId"), "placedKey", found.get("placedKey"));
        var item =
                DynamoErrors.translate(
                        "order archive", () -> dynamo.getItem(g -> g.tableName(table).key(key)));
        return item.hasItem() && !item.item().isEmpty()
                ? Optional.of(fromItem(item.item()))
                : Optional.empty();
    }

    @Override
    public Page<ArchivedOrder> ofCustomer(
            String customerId, Set<OrderStatus> statuses, PageRequest page) {
        Map<String, AttributeValue> startKey =
                page.cursor() instanceof Cursor.After after ? decode(after, customerId) : null;
        return FilteredPages.fill(
                page.limit(),
                MAX_QUERIES_PER_PAGE,
                startKey,
                from -> {
                    QueryRequest query = customerQuery(customerId, statuses, page.limit(), from);
                    QueryResponse response =
                            DynamoErrors.translate("order archive", () -> dynamo.query(query));
                    return new FilteredPages.Read(response.items(), response.lastEvaluatedKey());
                },
                DynamoOrderArchive::fromItem,
                key -> new Cursor.After(CURSOR_VERSION + part(key.get("placedKey").s())));
    }

    private QueryRequest customerQuery(
            String customerId,
            Set<OrderStatus> statuses,
            int limit,
            Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":c", s(customerId)));
        QueryRequest.Builder query =
                QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("customerId = :c")
                        .scanIndexForward(false)
                        .limit(limit);
        if (!statuses.isEmpty()) {
            List<String> placeholders = new ArrayList<>();
            for (OrderStatus status : statuses) {
                String placeholder = ":s" + placeholders.size();
                placeholders.add(placeholder);
                values.put(placeholder, s(status.name()));
            }
            names.put("#status", "status");
            query.filterExpression("#status IN (" + String.join(", ", placeholders) + ")");
            query.expressionAttributeNames(names);
        }
        if (startKey != null) {
            query.exclusiveStartKey(startKey);
        }
        return query.expressionAttributeValues(values).build();
    }

    /**
     * The position to continue from. The cursor holds only the sort key; the partition is always
     * the caller's, so an edited cursor cannot reach another customer's archive.
     */
    private static Map<String, AttributeValue> decode(Cursor.After cursor, String customerId) {
        String token = cursor.token();
        if (!token.startsWith(CURSOR_VERSION)) {
            throw notOurs();
        }
        try {
            String placedKey =
                    new String(
                            DECODER.decode(token.substring(CURSOR_VERSION.length())),
                            StandardCharsets.UTF_8);
            return Map.of("customerId", s(customerId), "placedKey", s(placedKey));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    static Map<String, AttributeValue> toItem(ArchivedOrder o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(o.customerId()));
        item.put("placedKey", s(o.createdAt() + "#" + o.id()));
        item.put("orderId", s(o.id().value()));
        item.put("status", s(o.status().name()));
        item.put("lines", OrderItem.lines(o.lines()));
        item.put("totalMinor", n(o.total().amountMinor()));
        item.put("currency", s(o.total().currency().getCurrencyCode()));
        o.allocation().ifPresent(a -> item.put("shipments", OrderItem.shipments(a)));
        if (!o.reason().isEmpty()) {
            item.put("reason", s(o.reason()));
        }
        item.put("version", n(o.version()));
        item.put("createdAt", s(o.createdAt().toString()));
        item.put("finishedAt", s(o.finishedAt().toString()));
        item.put("trail", AttributeValue.fromL(o.trail().stream().map(e -> event(e)).toList()));
        return item;
    }

    static ArchivedOrder fromItem(Map<String, AttributeValue> item) {
        return new ArchivedOrder(
                new OrderId(item.get("orderId").s()),
                item.get("customerId").s(),
                OrderStatus.valueOf(item.get("status").s()),
                OrderItem.lines(item.get("lines")),
                Money.ofMinor(Long.parseLong(item.get("totalMinor").n()), item.get("currency").s()),
                Optional.ofNullable(item.get("shipments")).map(OrderItem::allocation),
                Optional.ofNullable(item.get("reason")).map(AttributeValue::s).orElse(""),
                Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("finishedAt").s()),
                item.get("trail").l().stream().map(DynamoOrderArchive::event).toList());
    }

    /** A trail entry, short names: the archive keeps every order for good. */
    private static AttributeValue event(OrderEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("v", n(e.version()));
        m.put("s", s(e.status().name()));
        m.put("at", s(e.at().toString()));
        if (!e.detail().isEmpty()) {
            m.put("d", s(e.detail()));
        }
        return AttributeValue.fromM(m);
    }

    private static OrderEvent event(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new OrderEvent(
                Long.parseLong(m.get("v").n()),
                OrderStatus.valueOf(m.get("s").s()),
                Instant.parse(m.get("at").s()),
                Optional.ofNullable(m.get("d")).map(AttributeValue::s).orElse(""));
    }

    private static String part(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor returned by this API");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
