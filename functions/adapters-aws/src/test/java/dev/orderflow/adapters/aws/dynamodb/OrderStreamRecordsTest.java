package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
