package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.IdempotencyKeyReused;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.testfixtures.InMemoryIdempotencyStore;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.InMemoryProductCatalog;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Caller ALICE = new Caller("alice", Set.of(), Set.of());
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1");

    private final InMemoryProductCatalog catalog =
            new InMemoryProductCatalog()
                    .with(
                            new Product(new Sku("MUG"), "Mug", Money.ofMinor(1250, "EUR"), true),
                            new Product(new Sku("TEA"), "Tea", Money.ofMinor(399, "EUR"), true),
                            new Product(
                                    new Sku("OLD"), "Retired", Money.ofMinor(100, "EUR"), false),
                            new Product(new Sku("USB"), "Cable", Money.ofMinor(900, "USD"), true));
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final PlaceOrder placeOrder =
            new PlaceOrder(
                    catalog,
                    orders,
                    new InMemoryIdempotencyStore(),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    OrderId::random,
                    SampleOrders.HERE);

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(new Sku(sku), quantity);
    }

    private PlaceOrder.Result place(Caller caller, String key, OrderLine... lines) {
        return placeOrder.place(new PlaceOrder.Command(caller, key, List.of(lines), ADDRESS));
    }

    @Test
    void place_storesAPendingOrderPricedFromTheCatalog() {
        PlaceOrder.Result result = place(ALICE, "k-1", line("MUG", 2), line("TEA", 3));

        Order order = result.order();
        assertThat(result.replayed()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.customerId()).isEqualTo("alice");
        assertThat(order.total()).isEqualTo(Money.ofMinor(2 * 1250 + 3 * 399, "EUR"));
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(orders.find(order.id())).contains(order);
    }

    @Test
    void place_homesTheOrderInTheRegionItIsPlacedIn() {
        Order order = place(ALICE, "k-home", line("MUG", 1)).order();

        assertThat(order.homeRegion()).contains(SampleOrders.HERE);
        assertThat(orders.find(order.id()).orElseThrow().homeRegion()).contains(SampleOrders.HERE);
        assertThat(place(ALICE, "k-home", line("MUG", 1)).order().homeRegion())
                .as("a replay answers with the order's home too")
                .contains(SampleOrders.HERE);
    }

    @Test
    void place_replaysTheOriginalOrder_forTheSameKeyAndRequest() {
        Order first = place(ALICE, "k-1", line("MUG", 1)).order();

        PlaceOrder.Result again = place(ALICE, "k-1", line("MUG", 1));

        assertThat(again.replayed()).isTrue();
        assertThat(again.order()).isEqualTo(first);
        assertThat(orders.size()).isEqualTo(1);
    }

    @Test
    void place_replaysTheOrderAsPlaced_afterTheSagaMovedItOn() {
        Order first = place(ALICE, "k-1", line("MUG", 1)).order();
        Allocation allocation =
                new Allocation(List.of(new Shipment(new CenterId("FC-1"), first.lines())));
        assertThat(orders.update(first.reserved(allocation, NOW.plusSeconds(1)), "reserved"))
                .isTrue();

        PlaceOrder.Result again = place(ALICE, "k-1", line("MUG", 1));

        assertThat(again.replayed()).isTrue();
        assertThat(again.order()).isEqualTo(first);
        assertThat(again.order().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void place_refusesTheSameKeyForADifferentRequest() {
        place(ALICE, "k-1", line("MUG", 1));

        assertThatThrownBy(() -> place(ALICE, "k-1", line("MUG", 2)))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(orders.size()).isEqualTo(1);
    }

    @Test
    void place_keepsKeysApartPerCustomer() {
        place(ALICE, "k-1", line("MUG", 1));

        PlaceOrder.Result bob = place(new Caller("bob", Set.of(), Set.of()), "k-1", line("MUG", 1));

        assertThat(bob.replayed()).isFalse();
        assertThat(orders.size()).isEqualTo(2);
    }

    @Test
    void place_finishesTheWorkOfACallThatCrashedAfterClaimingItsKey() {
        orders.crashOnNextCreate();
        assertThatThrownBy(() -> place(ALICE, "k-1", line("MUG", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(orders.size()).isZero();

        PlaceOrder.Result retry = place(ALICE, "k-1", line("MUG", 1));

        assertThat(orders.find(retry.order().id())).isPresent();
        assertThat(place(ALICE, "k-1", line("MUG", 1)).order().id()).isEqualTo(retry.order().id());
    }

    @Test
    void place_answersWithTheStoredOrder_whenAConcurrentReplayStoresItBetweenReadAndWrite() {
        var store = new InMemoryIdempotencyStore();
        OrderId claimed = OrderId.random();
        Order storedByTheOther =
                Order.place(
                        claimed,
                        "alice",
                        List.of(line("MUG", 1)),
                        ADDRESS,
                        Money.ofMinor(1250, "EUR"),
                        NOW);
        // The first request claimed the key; it stores its order just after this one looked.
        store.claimOrGet(
                new IdempotencyStore.Claim("alice", "k-9", fingerprintOf(line("MUG", 1)), claimed));
        orders.raceOnNextFind(() -> orders.create(storedByTheOther));
        var racing =
                new PlaceOrder(
                        catalog,
                        orders,
                        store,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        OrderId::random,
                        SampleOrders.HERE);

        PlaceOrder.Result result =
                racing.place(
                        new PlaceOrder.Command(ALICE, "k-9", List.of(line("MUG", 1)), ADDRESS));

        assertThat(result.replayed()).isTrue();
        assertThat(result.order()).isEqualTo(storedByTheOther);
        assertThat(orders.size()).isEqualTo(1);
    }

    private static String fingerprintOf(OrderLine... lines) {
        return new PlaceOrder.Command(ALICE, "k", List.of(lines), ADDRESS).fingerprint();
    }

    @Test
    void place_namesEveryBadLine() {
        assertThatThrownBy(
                        () ->
                                place(
                                        ALICE,
                                        "k",
                                        line("MUG", 1),
                                        line("NOPE", 1),
                                        line("OLD", 1),
                                        line("MUG", 2)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInput) e).violations())
                                        .extracting(InvalidInput.Violation::field)
                                        .containsExactly(
                                                "items[3].sku", "items[1].sku", "items[2].sku"));
        assertThat(orders.size()).isZero();
    }

    @Test
    void place_rejectsEmptyAndOversizedCarts() {
        assertThatThrownBy(() -> place(ALICE, "k")).hasMessage("items: must have 1-50 lines");
        List<OrderLine> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(line(String.format("SKU-%02d", i), 1));
        }
        assertThatThrownBy(() -> place(ALICE, "k", many.toArray(OrderLine[]::new)))
                .hasMessage("items: must have 1-50 lines");
    }

    @Test
    void place_rejectsMixedCurrencies() {
        assertThatThrownBy(() -> place(ALICE, "k", line("MUG", 1), line("USB", 1)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("different currencies");
    }

    @Test
    void place_rejectsMalformedIdempotencyKeys() {
        for (String key : List.of("", "has space", "x".repeat(65), "tab\t")) {
            assertThatThrownBy(() -> place(ALICE, key, line("MUG", 1)))
                    .as(key)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("Idempotency-Key:");
        }
    }
}
