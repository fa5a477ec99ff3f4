package dev.orderflow.functions.orders;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import java.util.ArrayList;
import java.util.List;

/** The JSON body of {@code POST /orders}. */
record PlaceOrderRequest(List<Item> items, Address address) {

    record Item(String sku, Integer quantity) {}

    record Address(String country, String region, String city, String postalCode, String street) {}

    /** The order lines, every bad field named with its index. */
    List<OrderLine> lines() {
        if (items == null) {
            throw InvalidInput.of("items", "is required");
        }
        List<OrderLine> lines = new ArrayList<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                violations.add(new InvalidInput.Violation(at, "is required"));
                continue;
            }
            try {
                if (item.sku() == null) {
                    throw InvalidInput.of("sku", "is required");
                }
                if (item.quantity() == null) {
                    throw InvalidInput.of("quantity", "is required");
                }
                lines.add(new OrderLine(new Sku(item.sku()), item.quantity()));
            } catch (InvalidInput e) {
                e.violations()
                        .forEach(
                                v ->
                                        violations.add(
                                                new InvalidInput.Violation(
                                                        at + "." + v.field(), v.reason())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return lines;
    }

    /** The shipping address; absent optional parts become empty. */
    ShippingAddress shippingAddress() {
        if (address == null) {
            throw InvalidInput.of("address", "is required");
        }
        return new ShippingAddress(
                orEmpty(address.country()),
                orEmpty(address.region()),
                orEmpty(address.city()),
                orEmpty(address.postalCode()),
                orEmpty(address.street()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
