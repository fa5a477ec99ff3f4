package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an {@link Order} is laid out as the {@code sk = ORDER} item of its collection, with the keys
 * of the {@code byCustomer} and write-sharded {@code byStatus} indexes.
 */
final class OrderItem {

    /** Spreads one status over this many partitions of the byStatus index. */
    static final int STATUS_SHARDS = 8;

    static final String SK = "ORDER";

    /**
     * The AWS region the order was placed in and is changed in (docs/multi-region.md); absent on
     * orders placed before orders had a home. The orders-stream mappings of a multi-region stack
     * filter on it.
     */
    static final String HOME_REGION = "homeRegion";

    /** The orders table's TTL attribute (the stack enables TTL on it). */
    static final String EXPIRES_AT = "expiresAt";

    private OrderItem() {}

    /** The primary key of the order's item. */
    static Map<String, AttributeValue> key(OrderId id) {
        return Map.of("pk", s(OrderKeys.pk(id)), "sk", s(SK));
    }

    static Map<String, AttributeValue> toItem(Order o) {
        return toItem(o, Optional.empty());
    }

    /**
     * The order's item; with an expiry, the item carries it in {@link #EXPIRES_AT} (epoch seconds,
     * the format DynamoDB's TTL reads) and TTL removes it then.
     */
    static Map<String, AttributeValue> toItem(Order o, Optional<Instant> expiry) {
        Map<String, AttributeValue> item = new HashMap<>();
        expiry.ifPresent(at -> item.put(EXPIRES_AT, n(at.getEpochSecond())));
        item.put("pk", s(OrderKeys.pk(o.id())));
        item.put("sk", s(SK));
        item.put("orderId", s(o.id().value()));
        item.put("customerId", s(o.customerId()));
        item.put("status", s(o.status().name()));
        item.put("lines", lines(o.lines()));
        item.put("address", address(o.address()));
        item.put("totalMinor", n(o.total().amountMinor()));
        item.put("currency", s(o.total().currency().getCurrencyCode()));
        o.allocation().ifPresent(a -> item.put("shipments", shipments(a)));
        o.paymentId().ifPresent(p -> item.put("paymentId", s(p)));
        item.put("reason", s(o.reason()));
        item.put("version", n(o.version()));
        item.put("createdAt", s(o.createdAt().toString()));
        item.put("updatedAt", s(o.updatedAt().toString()));
        o.homeRegion().ifPresent(home -> item.put(HOME_REGION, s(home.name())));
        item.put("gsi1pk", s("CUSTOMER#" + o.customerId()));
        item.put("gsi1sk", s(o.createdAt() + "#" + o.id()));
        item.put("gsi2pk", s("STATUS#" + o.status() + "#" + shard(o.id())));
        item.put("gsi2sk", s(o.updatedAt() + "#" + o.id()));
        return item;
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        List<OrderLine> lines = lines(item.get("lines"));
        Optional<Allocation> allocation =
                item.containsKey("shipments")
                        ? Optional.of(allocation(item.get("shipments")))
                        : Optional.empty();
        Map<String, AttributeValue> a = item.get("address").m();
        return new Order(
                new OrderId(item.get("orderId").s()),
                item.get("customerId").s(),
                lines,
                new ShippingAddress(
                        a.get("country").s(),
                        a.get("region").s(),
                        a.get("city").s(),
                        a.get("postalCode").s(),
                        a.get("street").s()),
                Money.ofMinor(Long.parseLong(item.get("totalMinor").n()), item.get("currency").s()),
                OrderStatus.valueOf(item.get("status").s()),
                allocation,
                Optional.ofNullable(item.get("paymentId")).map(AttributeValue::s),
                item.get("reason").s(),
                Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()),
                homeRegion(item));
    }

    /** The item's home region; absent on an order placed before orders had a home. */
    static Optional<AwsRegion> homeRegion(Map<String, AttributeValue> item) {
        AttributeValue home = item.get(HOME_REGION);
        return home == null || home.s() == null
                ? Optional.empty()
                : Optional.of(new AwsRegion(home.s()));
    }

    /** A stable shard per order, so an order's index entry moves only when its status does. */
    static int shard(OrderId id) {
        return Math.floorMod(id.value().hashCode(), STATUS_SHARDS);
    }

    /** The {@code shipments} attribute's allocation. */
    static Allocation allocation(AttributeValue shipments) {
        List<Shipment> out = new ArrayList<>();
        for (AttributeValue v : shipments.l()) {
            out.add(
                    new Shipment(
                            new CenterId(v.m().get("centerId").s()), lines(v.m().get("lines"))));
        }
        return new Allocation(out);
    }

    /** A {@code lines} attribute's order lines. */
    static List<OrderLine> lines(AttributeValue lines) {
        return lines.l().stream().map(OrderItem::line).toList();
    }

    /** Order lines as a {@code lines} attribute. */
    static AttributeValue lines(List<OrderLine> lines) {
        return AttributeValue.fromL(lines.stream().map(OrderItem::line).toList());
    }

    private static AttributeValue line(OrderLine l) {
        return AttributeValue.fromM(Map.of("sku", s(l.sku().value()), "quantity", n(l.quantity())));
    }

    private static OrderLine line(AttributeValue v) {
        return new OrderLine(
                new Sku(v.m().get("sku").s()), Integer.parseInt(v.m().get("quantity").n()));
    }

    /** An allocation as a {@code shipments} attribute. */
    static AttributeValue shipments(Allocation a) {
        List<AttributeValue> out = new ArrayList<>();
        for (Shipment shipment : a.shipments()) {
            out.add(
                    AttributeValue.fromM(
                            Map.of(
                                    "centerId", s(shipment.center().value()),
                                    "lines",
                                            AttributeValue.fromL(
                                                    shipment.lines().stream()
                                                            .map(OrderItem::line)
                                                            .toList()))));
        }
        return AttributeValue.fromL(out);
    }

    private static AttributeValue address(ShippingAddress a) {
        return AttributeValue.fromM(
                Map.of(
                        "country", s(a.country()),
                        "region", s(a.region()),
                        "city", s(a.city()),
                        "postalCode", s(a.postalCode()),
                        "street", s(a.street())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
