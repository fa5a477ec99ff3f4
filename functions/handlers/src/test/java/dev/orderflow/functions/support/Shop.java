package dev.orderflow.functions.support;

import dev.orderflow.domain.catalog.BrowseCatalog;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.inventory.AllocationScope;
import dev.orderflow.domain.inventory.ReserveStock;
import dev.orderflow.domain.order.ArchiveOrder;
import dev.orderflow.domain.order.CancelOrder;
import dev.orderflow.domain.order.ListOrders;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.PlaceOrder;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.order.ViewOrder;
import dev.orderflow.domain.region.AwsRegion;
import dev.orderflow.domain.saga.Compensation;
import dev.orderflow.domain.saga.PaymentStep;
import dev.orderflow.domain.saga.ReserveStep;
import dev.orderflow.domain.saga.ShippingSteps;
import dev.orderflow.domain.shipping.FulfillShipment;
import dev.orderflow.domain.shipping.ReportShipmentEvent;
import dev.orderflow.domain.shipping.TaskTokens;
import dev.orderflow.domain.shipping.Warehouse;
import dev.orderflow.domain.testfixtures.InMemoryAwaitedShipments;
import dev.orderflow.domain.testfixtures.InMemoryCenterDirectory;
import dev.orderflow.domain.testfixtures.InMemoryIdempotencyStore;
import dev.orderflow.domain.testfixtures.InMemoryOrderArchive;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.InMemoryPayments;
import dev.orderflow.domain.testfixtures.InMemoryProductCatalog;
import dev.orderflow.domain.testfixtures.InMemoryStock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory shop matching the sample events: their products, customers and stored order. */
public final class Shop {

    /** The customer of the sample events. */
    public static final String ALICE = "alice-0000-4000-8000-000000000001";

    /** The order {@code apigw-get-order.json} asks for, owned by {@link #ALICE}. */
    public static final OrderId STORED_ORDER = new OrderId("5b0e6f8a-3c1d-4e2f-9a7b-1c2d3e4f5a6b");

    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** The AWS region the handlers run in (the sample events' {@code awsRegion}). */
    public static final AwsRegion HERE = new AwsRegion("eu-central-1");

    /** Another region, home of the orders and centers this one must not change. */
    public static final AwsRegion ELSEWHERE = new AwsRegion("us-east-1");

    public final InMemoryProductCatalog catalog = new InMemoryProductCatalog().with(products());
    public final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    public final InMemoryOrderArchive archive = new InMemoryOrderArchive();
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();

    /** The center the sample saga events name, serving the stored order's region. */
    public static final CenterId MUNICH = new CenterId("FC-MUC");

    public final InMemoryStock stock =
            new InMemoryStock()
                    .center(new FulfillmentCenter(MUNICH, "Munich", Map.of("DE-BY", 20)))
                    .stock(MUNICH, "MUG-BLUE", 10);
    public final InMemoryPayments payments = new InMemoryPayments();

    /**
     * The centers the fulfillment worker knows: Munich and the simulated warehouse's scenario
     * centers ({@code -SLOW}, {@code -NOSTOCK}, {@code -OFFLINE}).
     */
    public final InMemoryCenterDirectory centers =
            new InMemoryCenterDirectory()
                    .with(
                            center(MUNICH.value()),
                            center("FC-MUC-SLOW"),
                            center("FC-MUC-NOSTOCK"),
                            center("FC-MUC-OFFLINE"));

    public final InMemoryAwaitedShipments awaited = new InMemoryAwaitedShipments();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public Shop() {
        this(Optional.empty());
    }

    /**
     * @param storedOrderHome the home region of {@link #STORED_ORDER}; empty: placed before orders
     *     had a home
     */
    public Shop(Optional<AwsRegion> storedOrderHome) {
        orders.create(
                Order.place(
                        STORED_ORDER,
                        ALICE,
                        List.of(new OrderLine(new Sku("MUG-BLUE"), 1)),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(1250, "EUR"),
                        NOW.minusSeconds(3600),
                        storedOrderHome));
    }

    /** The products of the sample events: two active, one ({@code MUG-RED}) inactive. */
    static Product[] products() {
        return new Product[] {
            new Product(new Sku("MUG-BLUE"), "Blue mug", Money.ofMinor(1250, "EUR"), true),
            new Product(new Sku("TEA-SENCHA"), "Sencha", Money.ofMinor(899, "EUR"), true),
            new Product(new Sku("MUG-RED"), "Red mug", Money.ofMinor(1300, "EUR"), false)
        };
    }

    public BrowseCatalog browseCatalog() {
        return new BrowseCatalog(catalog);
    }

    public PlaceOrder placeOrder() {
        return new PlaceOrder(
                catalog,
                orders,
                idempotency,
                Clock.fixed(NOW, ZoneOffset.UTC),
                OrderId::random,
                HERE);
    }

    public CancelOrder cancelOrder() {
        return new CancelOrder(orders, clock, HERE);
    }

    public ReserveStep reserveStep() {
        return new ReserveStep(
                new ReserveStock(orders, stock, stock, stock, clock, AllocationScope.homedIn(HERE)),
                orders);
    }

    public PaymentStep paymentStep() {
        return new PaymentStep(orders, payments, clock);
    }

    public ShippingSteps shippingSteps() {
        return new ShippingSteps(orders, stock, stock, clock);
    }

    public Compensation compensation() {
        return new Compensation(orders, payments, stock, clock);
    }

    public FulfillShipment fulfillShipment(Warehouse warehouse, TaskTokens tokens) {
        return new FulfillShipment(orders, centers, warehouse, tokens, awaited);
    }

    public ReportShipmentEvent reportShipmentEvent(TaskTokens tokens) {
        return new ReportShipmentEvent(orders, awaited, tokens, clock, HERE);
    }

    private static FulfillmentCenter center(String id) {
        return new FulfillmentCenter(new CenterId(id), id, Map.of("DE-BY", 20));
    }

    public ArchiveOrder archiveOrder() {
        return new ArchiveOrder(orders, archive);
    }

    public ListOrders listOrders() {
        return new ListOrders(orders, archive);
    }

    public ViewOrder viewOrder() {
        return new ViewOrder(orders, archive);
    }
}
