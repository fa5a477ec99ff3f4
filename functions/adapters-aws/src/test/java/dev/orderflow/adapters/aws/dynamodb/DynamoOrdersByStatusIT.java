package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Orders by status over the sharded, keys-only index, through the real SDK and engine. */
class DynamoOrdersByStatusIT {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private DynamoOrderRepository repository;
    private DynamoOrdersByStatus byStatus;

    @BeforeEach
    void table() {
        String name = LocalDynamo.createOrdersTable();
        repository = new DynamoOrderRepository(dynamo, name, Retention.ofDays(365));
        byStatus = new DynamoOrdersByStatus(dynamo, name);
    }

    private Order place(String customer, int second) {
        Order order =
                Order.place(
                        OrderId.random(),
                        customer,
                        List.of(new OrderLine(new Sku("MUG-BLUE"), 1)),
                        new ShippingAddress("DE", "BY", "Munich", "80331", "Marienplatz 1"),
                        Money.ofMinor(1250, "EUR"),
                        T0.plusSeconds(second));
        assertThat(repository.create(order)).isTrue();
        return order;
    }

    /** The index's order: gsi2sk = updatedAt#orderId, descending. */
    private static List<OrderId> newestFirst(List<Order> orders) {
        return orders.stream()
                .sorted(
                        Comparator.comparing((Order o) -> o.updatedAt() + "#" + o.id().value())
                                .reversed())
                .map(Order::id)
                .toList();
    }

    private List<Page<Order>> allPages(OrderStatus status, int limit) {
        List<Page<Order>> pages = new ArrayList<>();
        Cursor cursor = Cursor.first();
        for (int i = 0; i < 100; i++) {
            Page<Order> page = byStatus.withStatus(status, new PageRequest(limit, cursor));
            pages.add(page);
            if (page.next().isEmpty()) {
                return pages;
            }
            cursor = page.next().get();
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void pages_mergeEveryShard_newestFirst_withoutGapsOrRepeats() {
        List<Order> pending = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // a few share a second, so the order id breaks ties as the index does
            pending.add(place("customer-" + (i % 5), i - (i % 3 == 0 ? 1 : 0)));
        }
        Set<Integer> shards = new HashSet<>();
        pending.forEach(o -> shards.add(OrderItem.shard(o.id())));
        assertThat(shards).as("the orders spread over several shards").hasSizeGreaterThan(3);

        List<OrderId> seen = new ArrayList<>();
        List<Page<Order>> pages = allPages(OrderStatus.PENDING, 4);
        pages.forEach(p -> p.items().forEach(o -> seen.add(o.id())));

        assertThat(seen).containsExactlyElementsOf(newestFirst(pending));
        assertThat(pages.get(0).items()).hasSize(4);
        assertThat(pages.get(0).items().get(0))
                .isEqualTo(
                        pending.stream()
                                .filter(o -> o.id().equals(seen.get(0)))
                                .findFirst()
                                .orElseThrow());
    }

    @Test
    void pages_holdOnlyTheOrdersInThatStatus() {
        Order stillPending = place("alice", 1);
        Order rejected = place("bob", 2).rejected("no stock", T0.plusSeconds(30));
        assertThat(repository.update(rejected)).isTrue();

        assertThat(
                        byStatus.withStatus(
                                        OrderStatus.PENDING, new PageRequest(10, Cursor.first()))
                                .items())
                .containsExactly(stillPending);
        Page<Order> rejectedPage =
                byStatus.withStatus(OrderStatus.REJECTED, new PageRequest(10, Cursor.first()));
        assertThat(rejectedPage.items()).containsExactly(rejected);
        assertThat(rejectedPage.next()).isEmpty();
        assertThat(
                        byStatus.withStatus(
                                        OrderStatus.SHIPPED, new PageRequest(10, Cursor.first()))
                                .items())
                .isEmpty();
    }

    @Test
    void aCursor_isRefusedForAnotherStatus_andWhenTamperedWith() {
        for (int i = 0; i < 5; i++) {
            place("alice", i);
        }
        Cursor.After next =
                byStatus.withStatus(OrderStatus.PENDING, new PageRequest(2, Cursor.first()))
                        .next()
                        .orElseThrow();

        assertThatThrownBy(() -> byStatus.withStatus(OrderStatus.PAID, new PageRequest(2, next)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(
                        () ->
                                byStatus.withStatus(
                                        OrderStatus.PENDING,
                                        new PageRequest(2, new Cursor.After(next.token() + ".x"))))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(
                        () ->
                                byStatus.withStatus(
                                        OrderStatus.PENDING,
                                        new PageRequest(
                                                2,
                                                new Cursor.After(
                                                        next.token()
                                                                .replaceFirst("\\.x", ".bm9wZQ")))))
                .isInstanceOf(InvalidInput.class);
    }
}
