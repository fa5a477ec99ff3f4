package dev.orderflow.domain.error;

import java.util.List;

/** No combination of fulfillment centers serving the address can fill the order (422). */
public final class InsufficientStock extends DomainException {

    /** One product that cannot be filled: how many were asked for and how many can be had. */
    public record Shortfall(String sku, int requested, int available) {}

    private final List<Shortfall> shortfalls;

    /** Creates the failure for the products that fall short; there must be at least one. */
    public InsufficientStock(List<Shortfall> shortfalls) {
        super("InsufficientStock", describe(shortfalls), null);
        this.shortfalls = List.copyOf(shortfalls);
    }

    /** Each product that falls short, in order-line order. */
    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    private static String describe(List<Shortfall> shortfalls) {
        if (shortfalls.isEmpty()) {
            throw new IllegalArgumentException("an InsufficientStock needs at least one shortfall");
        }
        StringBuilder text = new StringBuilder("not enough stock for ");
        for (int i = 0; i < shortfalls.size(); i++) {
            Shortfall s = shortfalls.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append(s.sku())
                    .append(" (requested ")
                    .append(s.requested())
                    .append(", available ")
                    .append(s.available())
                    .append(')');
        }
        return text.toString();
    }
}
