package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.OrderId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * An order's reservation record in the orders table ({@code pk = ORDER#id, sk = RESERVATION}): the
 * lines reserved for it, and, while a reservation without transactions is under way ({@link
 * LineByLineStockReservations}), {@code state = PENDING}. A record without {@code state} is a
 * complete reservation, as the transactional adapter has always written it.
 */
final class ReservationRecords {

    static final String PENDING = "PENDING";

    private static final String RESERVATION = "RESERVATION";

    private final DynamoDbClient dynamo;
    private final String ordersTable;

    ReservationRecords(DynamoDbClient dynamo, String ordersTable) {
        this.dynamo = dynamo;
        this.ordersTable = ordersTable;
    }

    /** An order's record as read: its lines, and whether its reservation is still under way. */
    record Recorded(List<ReservedLine> lines, boolean pending) {}

    String table() {
        return ordersTable;
    }

    /** The order's record (consistent read); empty when it has none. */
    Optional<Recorded> read(OrderId order) {
        GetItemResponse record =
                DynamoErrors.translate(
                        "orders table",
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(ordersTable)
                                                        .key(key(order))
                                                        .consistentRead(true)));
        if (!record.hasItem() || record.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = record.item();
        return Optional.of(
                new Recorded(
                        item.get("lines").l().stream().map(ReservedLine::fromAttribute).toList(),
                        item.containsKey("state") && PENDING.equals(item.get("state").s())));
    }

    /** The key of an order's reservation record, in the order's item collection. */
    static Map<String, AttributeValue> key(OrderId order) {
        return Map.of(
                "pk",
                AttributeValue.fromS(OrderKeys.pk(order)),
                "sk",
                AttributeValue.fromS(RESERVATION));
    }

    /** The record's item: complete, or {@code pending} while its lines are being taken. */
    static Map<String, AttributeValue> item(
            OrderId order, List<ReservedLine> lines, boolean pending) {
        Map<String, AttributeValue> record = new HashMap<>(key(order));
        record.put(
                "lines",
                AttributeValue.fromL(lines.stream().map(ReservedLine::toAttribute).toList()));
        if (pending) {
            record.put("state", AttributeValue.fromS(PENDING));
        }
        return record;
    }
}
