package dev.orderflow.domain.order;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.ProductCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.IdempotencyKeyReused;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.region.AwsRegion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Use case: a customer places an order. The order is validated against the catalog, priced, and
 * stored as {@link OrderStatus#PENDING}; the saga starts from the stored order (the orders table's
 * stream is the outbox), so a crash after this returns cannot lose it.
 *
 * <p>Placing is idempotent per customer and {@code Idempotency-Key}: the same key with the same
 * request returns the original order; with a different request it fails.
 */
public final class PlaceOrder {

    /** More lines than this is not a shopping cart. */
    public static final int MAX_LINES = 50;

    /**
     * What the customer asks for.
     *
     * @param caller who places it
     * @param idempotencyKey the client's key for this request, 1-64 visible ASCII characters
     * @param lines one line per product
     * @param address where it ships
     */
    public record Command(
            Caller caller, String idempotencyKey, List<OrderLine> lines, ShippingAddress address) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            lines = List.copyOf(lines);
            Objects.requireNonNull(address, "address");
        }

        /** A SHA-256 digest of the request, to tell a replay from a different request. */
        String fingerprint() {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l.sku()).append('x').append(l.quantity()).append(';'));
            text.append(address);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides SHA-256", e);
            }
        }
    }

    /**
     * The placed order as its placement left it (a replay answers exactly as the first call did,
     * not with the order's later state), and whether this call created it or replayed an earlier
     * one.
     */
    public record Result(Order order, boolean replayed) {}

    private final ProductCatalog catalog;
    private final OrderRepository orders;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Supplier<OrderId> ids;
    private final AwsRegion here;

    /**
     * @param here the region this runs in, which becomes the home of every order placed here
     */
    public PlaceOrder(
            ProductCatalog catalog,
            OrderRepository orders,
            IdempotencyStore idempotency,
            Clock clock,
            Supplier<OrderId> ids,
            AwsRegion here) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.here = Objects.requireNonNull(here, "here");
    }

    /**
     * Places the order, or returns the one this key placed before.
     *
     * @throws InvalidInput naming each bad field: no lines, too many, a product twice, unknown or
     *     inactive products, mixed currencies, a malformed key
     * @throws IdempotencyKeyReused if the key was used for a different request
     */
    public Result place(Command command) {
        validateKey(command.idempotencyKey());
        Map<Sku, Product> products = validateLines(command.lines());
        Money total = total(command.lines(), products);

        OrderId id = ids.get();
        var claim =
                new IdempotencyStore.Claim(
                        command.caller().subject(),
                        command.idempotencyKey(),
                        command.fingerprint(),
                        id);
        Optional<IdempotencyStore.Claim> earlier = idempotency.claimOrGet(claim);
        if (earlier.isPresent()) {
            if (!earlier.get().requestFingerprint().equals(claim.requestFingerprint())) {
                throw new IdempotencyKeyReused(command.idempotencyKey());
            }
            // The earlier call may have crashed between claiming and storing: finish its work.
            OrderId earlierId = earlier.get().orderId();
            Optional<Order> stored = orders.find(earlierId);
            if (stored.isPresent()) {
                return new Result(stored.get().asPlaced(), true);
            }
            id = earlierId;
        }
        Order order =
                Order.place(
                        id,
                        command.caller().subject(),
                        command.lines(),
                        command.address(),
                        total,
                        clock.instant(),
                        Optional.of(here));
        if (!orders.create(order)) {
            // A concurrent replay of the same request stored it first: answer with that one.
            return new Result(orders.find(id).orElseThrow().asPlaced(), true);
        }
        return new Result(order, earlier.isPresent());
    }

    private static void validateKey(String key) {
        if (key.isEmpty() || key.length() > 64 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw InvalidInput.of("Idempotency-Key", "must be 1-64 visible ASCII characters");
        }
    }

    private Map<Sku, Product> validateLines(List<OrderLine> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw InvalidInput.of("items", "must have 1-" + MAX_LINES + " lines");
        }
        Set<Sku> skus = new LinkedHashSet<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!skus.add(lines.get(i).sku())) {
                violations.add(
                        new InvalidInput.Violation(
                                "items[" + i + "].sku", "appears on another line"));
            }
        }
        Map<Sku, Product> products = catalog.productsBySku(skus);
        for (int i = 0; i < lines.size(); i++) {
            Product p = products.get(lines.get(i).sku());
            if (p == null || !p.active()) {
                violations.add(
                        new InvalidInput.Violation(
                                "items[" + i + "].sku", "is not a product for sale"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return products;
    }

    private static Money total(List<OrderLine> lines, Map<Sku, Product> products) {
        Currency currency = products.get(lines.get(0).sku()).price().currency();
        long sum = 0;
        for (OrderLine line : lines) {
            Money price = products.get(line.sku()).price();
            if (!price.currency().equals(currency)) {
                throw InvalidInput.of(
                        "items", "products priced in different currencies cannot share an order");
            }
            sum =
                    Math.addExact(
                            sum, Math.multiplyExact(price.amountMinor(), (long) line.quantity()));
        }
        return new Money(sum, currency);
    }
}
