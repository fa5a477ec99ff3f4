package dev.orderflow.functions.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderLine;
import java.util.List;

/** An order as the API shows it to its owner or an admin. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record OrderJson(
        String orderId,
        String status,
        List<LineJson> items,
        AddressJson address,
        PriceJson total,
        List<ShipmentJson> shipments,
        String paymentId,
        String reason,
        long version,
        String createdAt,
        String updatedAt,
        List<EventJson> timeline) {

    /** One entry of the order's event trail. */
    record EventJson(String at, String status, String detail) {}

    record LineJson(String sku, int quantity) {}

    record AddressJson(
            String country, String region, String city, String postalCode, String street) {}

    record PriceJson(String amount, String currency) {}

    record ShipmentJson(String centerId, List<LineJson> items) {}

    static OrderJson from(Order o) {
        return from(o, List.of());
    }

    /** The order with its timeline, oldest event first. */
    static OrderJson from(Order o, List<OrderEvent> trail) {
        return new OrderJson(
                o.id().value(),
                o.status().name(),
                lines(o.lines()),
                new AddressJson(
                        o.address().country(),
                        o.address().region(),
                        o.address().city(),
                        o.address().postalCode(),
                        o.address().street()),
                price(o.total()),
                o.allocation()
                        .map(
                                a ->
                                        a.shipments().stream()
                                                .map(
                                                        s ->
                                                                new ShipmentJson(
                                                                        s.center().value(),
                                                                        lines(s.lines())))
                                                .toList())
                        .orElse(List.of()),
                o.paymentId().orElse(null),
                o.reason(),
                o.version(),
                o.createdAt().toString(),
                o.updatedAt().toString(),
                trail.stream()
                        .map(e -> new EventJson(e.at().toString(), e.status().name(), e.detail()))
                        .toList());
    }

    static PriceJson price(Money money) {
        return new PriceJson(
                money.decimalAmount().toPlainString(), money.currency().getCurrencyCode());
    }

    private static List<LineJson> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new LineJson(l.sku().value(), l.quantity())).toList();
    }
}
