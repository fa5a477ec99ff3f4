package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.ArchiveOrder;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.shipping.TaskToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures what one order leaves in the orders table and the archive: a typical order (two lines,
 * one center, a Munich address) walked to SHIPPED through the real adapters, its items read back
 * and sized by DynamoDB's rules. The figures go to {@code target/item-sizes.md}; {@code
 * docs/capacity.md} (part 7) quotes them. The asserts keep each item within one write unit (1 KB).
 */
class OrderItemSizesIT {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /**
     * A task token of 700 characters: Step Functions documents tokens as opaque (up to 2,048
     * characters in its API), so this is an assumption, not a measurement.
     */
    private static final String TASK_TOKEN = "t".repeat(700);

    private final DynamoDbClient dynamo = LocalDynamo.client();

    @Test
    void aShippedOrdersItems_andItsArchiveRecord_fitOneWriteUnitEach() throws IOException {
        String table = LocalDynamo.createOrdersTable();
        DynamoOrderRepository orders =
                new DynamoOrderRepository(dynamo, table, Retention.ofDays(365));
        List<OrderLine> lines =
                List.of(
                        new OrderLine(new Sku("MUG-BLUE"), 2),
                        new OrderLine(new Sku("TEA-GREEN"), 1));
        Order placed =
                Order.place(
                        OrderId.random(),
                        "3f0c2a4e-8b1d-4c55-9a7e-2d9e6f1b0c77",
                        lines,
                        new ShippingAddress("DE", "BY", "Munich", "80331", "Marienplatz 1"),
                        Money.ofMinor(3497, "EUR"),
                        T0);
        orders.create(placed);
        List<String> rows = new ArrayList<>();
        rows.add(row("order item, as placed", orderItem(table, placed.id())));
        dynamo.updateItem(
                u ->
                        u.tableName(table)
                                .key(OrderItem.key(placed.id()))
                                .updateExpression("SET executionArn = :arn")
                                .expressionAttributeValues(
                                        Map.of(
                                                ":arn",
                                                AttributeValue.fromS(
                                                        "arn:aws:states:eu-central-1:123456789012:execution:"
                                                                + "OrderFulfillment-dev:"
                                                                + placed.id()))));
        Order reserved =
                placed.reserved(
                        new Allocation(List.of(new Shipment(new CenterId("FC-MUC"), lines))),
                        T0.plusSeconds(1));
        orders.update(reserved);
        Order paid = reserved.paid("pay_" + "0".repeat(24), T0.plusSeconds(2));
        orders.update(paid);
        Order shipping = paid.shipping(T0.plusSeconds(3));
        orders.update(shipping);
        new DynamoAwaitedShipments(dynamo, table)
                .await(placed.id(), new CenterId("FC-MUC"), new TaskToken(TASK_TOKEN));
        Order shipped = shipping.shipped(T0.plusSeconds(60));
        orders.update(shipped, "FC-MUC: FC-MUC-" + placed.id().value().substring(0, 8));

        Map<String, AttributeValue> finalOrder = orderItem(table, placed.id());
        rows.add(row("order item, shipped (with executionArn, expiresAt)", finalOrder));
        List<Map<String, AttributeValue>> collection = collection(table, placed.id());
        int events = 0;
        for (Map<String, AttributeValue> item : collection) {
            String sk = item.get("sk").s();
            if (sk.startsWith("EVENT#")) {
                events += ItemSize.of(item);
                rows.add(row("trail event " + item.get("status").s(), item));
            } else if (sk.startsWith("SHIPMENT#")) {
                rows.add(row("shipment record (task token of 700 characters)", item));
            }
        }
        rows.add("| all trail events | " + events + " |");

        DynamoOrderArchive archive =
                new DynamoOrderArchive(dynamo, LocalDynamo.createOrderArchiveTable());
        new ArchiveOrder(orders, archive).archive(shipped);
        Map<String, AttributeValue> archived =
                DynamoOrderArchive.toItem(
                        archive.find(shipped.customerId(), shipped.id()).orElseThrow());
        rows.add(row("archive record", archived));

        Path out = Path.of("target", "item-sizes.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "| item | bytes |\n|---|---|\n" + String.join("\n", rows) + "\n");
        assertThat(ItemSize.of(finalOrder)).isLessThan(1024);
        assertThat(ItemSize.of(archived)).isLessThan(1024);
        assertThat(collection(table, placed.id())).isEmpty();
    }

    private Map<String, AttributeValue> orderItem(String table, OrderId id) {
        return dynamo.getItem(g -> g.tableName(table).key(OrderItem.key(id))).item();
    }

    private List<Map<String, AttributeValue>> collection(String table, OrderId id) {
        return dynamo
                .query(
                        q ->
                                q.tableName(table)
                                        .keyConditionExpression("pk = :pk")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":pk",
                                                        AttributeValue.fromS(OrderKeys.pk(id)))))
                .items()
                .stream()
                .filter(item -> !OrderItem.SK.equals(item.get("sk").s()))
                .toList();
    }

    private static String row(String what, Map<String, AttributeValue> item) {
        return "| " + what + " | " + ItemSize.of(item) + " |";
    }
}
