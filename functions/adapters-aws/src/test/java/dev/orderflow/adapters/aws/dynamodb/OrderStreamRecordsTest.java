package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderStreamRecordsTest {

    private static final OrderId ORDER = new OrderId("0b0e8d4c-7a1f-4f7e-9a53-3c2f1d0e9b71");

    @Test
    void placedOrder_isTheOrder_whenAnOrderItemIsInserted() {
        assertThat(OrderStreamRecords.placedOrder("INSERT", orderItemKeys())).contains(ORDER);
    }

    @Test
    void placedOrder_isEmpty_whenTheOrderItemChangesOrGoes() {
        assertThat(OrderStreamRecords.placedOrder("MODIFY", orderItemKeys())).isEmpty();
        assertThat(OrderStreamRecords.placedOrder("REMOVE", orderItemKeys())).isEmpty();
    }

    @Test
    void placedOrder_isEmpty_whenAnotherItemOfTheCollectionIsInserted() {
        Map<String, String> event = Map.of("pk", OrderKeys.pk(ORDER), "sk", "EVENT#2026#0001");

        assertThat(OrderStreamRecords.placedOrder("INSERT", event)).isEmpty();
    }

    @Test
    void placedOrder_refusesAnOrderItemWhosePartitionKeyIsNotAnOrders() {
        assertThatThrownBy(
                        () ->
                                OrderStreamRecords.placedOrder(
                                        "INSERT", Map.of("pk", "PRODUCT#sku-1", "sk", "ORDER")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> OrderStreamRecords.placedOrder("INSERT", Map.of("sk", "ORDER")))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void placedOrder_refusesAnOrderKeyWithoutAnOrderId() {
        assertThatThrownBy(
                        () ->
                                OrderStreamRecords.placedOrder(
                                        "INSERT", Map.of("pk", "ORDER#not-a-uuid", "sk", "ORDER")))
                .isInstanceOf(InvalidInput.class);
    }

    /** The keys of the order's own item as the stream carries them. */
    private static Map<String, String> orderItemKeys() {
        return Map.of("pk", OrderKeys.pk(ORDER), "sk", OrderItem.SK);
    }

    private static final Order FINISHED =
            Order.place(
                            ORDER,
                            "alice",
                            List.of(new OrderLine(new Sku("MUG"), 1)),
                            new ShippingAddress("DE", "BY", "Munich", "80331", "Marienplatz 1"),
                            Money.ofMinor(1250, "EUR"),
                            Instant.parse("2026-11-25T10:00:00Z"))
                    .rejected("out of stock", Instant.parse("2026-11-25T10:00:05Z"));

    @Test
    void homeRegionOf_readsTheNewImage_elseTheOldOne_andIsEmptyForAnOrderWithoutAHome() {
        Map<String, AttributeValue> homed = new java.util.HashMap<>(OrderItem.toItem(FINISHED));
        homed.put("homeRegion", AttributeValue.fromS("us-east-1"));
        AwsRegion virginia = new AwsRegion("us-east-1");

        assertThat(OrderStreamRecords.homeRegionOf(homed, Map.of())).contains(virginia);
        assertThat(OrderStreamRecords.homeRegionOf(Map.of(), homed)).contains(virginia);
        assertThat(OrderStreamRecords.homeRegionOf(OrderItem.toItem(FINISHED), Map.of())).isEmpty();
        assertThat(OrderStreamRecords.homeRegionOf(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void homeRegionOf_refusesAHomeThatIsNoRegionName() {
        Map<String, AttributeValue> broken = Map.of("homeRegion", AttributeValue.fromS("mars"));

        assertThatThrownBy(() -> OrderStreamRecords.homeRegionOf(broken, Map.of()))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void expiredOrder_isTheOrderAsLastStored_whenTtlRemovedItsItem() {
        assertThat(
                        OrderStreamRecords.expiredOrder(
                                "REMOVE",
                                "Service",
                                "dynamodb.amazonaws.com",
                                OrderItem.toItem(FINISHED)))
                .contains(FINISHED);
    }

    @Test
    void expiredOrder_isEmpty_forACallersDelete_otherItems_andOtherEvents() {
        Map<String, AttributeValue> orderItem = OrderItem.toItem(FINISHED);
        Map<String, AttributeValue> event =
                Map.of(
                        "pk", AttributeValue.fromS(OrderKeys.pk(ORDER)),
                        "sk", AttributeValue.fromS("EVENT#0000000001"));

        assertThat(OrderStreamRecords.expiredOrder("REMOVE", "", "", orderItem)).isEmpty();
        assertThat(
                        OrderStreamRecords.expiredOrder(
                                "REMOVE", "Service", "dynamodb.amazonaws.com", event))
                .isEmpty();
        assertThat(
                        OrderStreamRecords.expiredOrder(
                                "MODIFY", "Service", "dynamodb.amazonaws.com", orderItem))
                .isEmpty();
    }

    @Test
    void expiredOrder_refusesAnOrderItemItCannotRead() {
        Map<String, AttributeValue> broken =
                Map.of(
                        "pk", AttributeValue.fromS(OrderKeys.pk(ORDER)),
                        "sk", AttributeValue.fromS("ORDER"));

        assertThatThrownBy(
                        () ->
                                OrderStreamRecords.expiredOrder(
                                        "REMOVE", "Service", "dynamodb.amazonaws.com", broken))
                .isInstanceOf(InvalidInput.class);
    }
}
