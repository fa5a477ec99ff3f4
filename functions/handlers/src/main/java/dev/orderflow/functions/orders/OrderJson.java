package dev.orderflow.functions.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.ArchivedOrder;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderView;
import dev.orderflow.domain.region.AwsRegion;
import java.util.List;
import java.util.Optional;

/**
 * An order as the API shows it to its owner or an admin; an archived order (its retention ran out)
 * in its compact form, marked {@code archived}. A live order shows its {@code homeRegion}, the AWS
 * region that changes it, unless it was placed before orders had one.
 */
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
        List<EventJson> timeline,
        Boolean archived,
        String homeRegion) {

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

    /** A live order with its timeline, or an archived one in its compact form. */
    static OrderJson from(OrderView view) {
        if (view instanceof OrderView.Archived archived) {
            return from(archived.order());
        }
        // OrderView is sealed: Live is the only other kind (Java 17 has no pattern switch).
        OrderView.Live live = (OrderView.Live) view;
        return from(live.order(), live.trail());
    }

    /**
     * An archived order: no address and no payment id (the archive keeps neither), {@code
     * updatedAt} is when it finished, and {@code archived} is true.
     */
    static OrderJson from(ArchivedOrder o) {
        return new OrderJson(
                o.id().value(),
                o.status().name(),
                lines(o.lines()),
                null,
                price(o.total()),
                shipments(o.allocation()),
                null,
                o.reason(),
                o.version(),
                o.createdAt().toString(),
                o.finishedAt().toString(),
                timeline(o.trail()),
                Boolean.TRUE,
                null);
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
                shipments(o.allocation()),
                o.paymentId().orElse(null),
                o.reason(),
                o.version(),
                o.createdAt().toString(),
                o.updatedAt().toString(),
                timeline(trail),
                null,
                o.homeRegion().map(AwsRegion::name).orElse(null));
    }

    private static List<ShipmentJson> shipments(Optional<Allocation> allocation) {
        return allocation
                .map(
                        a ->
                                a.shipments().stream()
                                        .map(
                                                s ->
                                                        new ShipmentJson(
                                                                s.center().value(),
                                                                lines(s.lines())))
                                        .toList())
                .orElse(List.of());
    }

    private static List<EventJson> timeline(List<OrderEvent> trail) {
        return trail.stream()
                .map(e -> new EventJson(e.at().toString(), e.status().name(), e.detail()))
                .toList();
    }

    static PriceJson price(Money money) {
        return new PriceJson(
                money.decimalAmount().toPlainString(), money.currency().getCurrencyCode());
    }

    private static List<LineJson> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new LineJson(l.sku().value(), l.quantity())).toList();
    }
}
