package dev.orderflow.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderflow.domain.order.ArchivedOrder;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.functions.support.Payloads;
import dev.orderflow.functions.support.Payloads.StreamRecord;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import org.junit.jupiter.api.Test;

class ArchiveOrderHandlerTest {

    private final Shop shop = new Shop();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ArchiveOrderHandler handler =
            new ArchiveOrderHandler(shop.archiveOrder(), metrics);

    @Test
    void anOrderItemRemovedByTtl_isArchivedWithItsTrail_andItsCollectionEmptied() {
        shop.orders.expire(Shop.STORED_ORDER);

        StreamsEventResponse response =
                handler.handleRequest(
                        SampleEvents.dynamodb("ddb-stream-order-expired.json"),
                        new TestContext("req"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        ArchivedOrder archived = shop.archive.find(Shop.ALICE, Shop.STORED_ORDER).orElseThrow();
        assertThat(archived.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(archived.reason()).isEqualTo("payment declined: card expired");
        assertThat(archived.trail()).isNotEmpty();
        assertThat(shop.orders.trail(Shop.STORED_ORDER)).isEmpty();
        assertThat(metrics.flushed("OrdersArchived")).isEqualTo(1);
    }

    /**
     * The region whose TTL removed the item archives it, whatever the order's home: only there is
     * the removal marked as the service's, and the archive is global.
     */
    @Test
    void anOrderHomedInAnotherRegion_isArchivedByTheRegionWhoseTtlRemovedIt() {
        shop.orders.expire(Shop.STORED_ORDER);
        var event = SampleEvents.dynamodb("ddb-stream-order-expired.json");
        var oldImage =
                new java.util.HashMap<>(event.getRecords().get(0).getDynamodb().getOldImage());
        oldImage.put(
                "homeRegion",
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue(
                        "us-east-1"));
        event.getRecords().get(0).getDynamodb().setOldImage(oldImage);

        StreamsEventResponse response = handler.handleRequest(event, new TestContext("req"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(shop.archive.find(Shop.ALICE, Shop.STORED_ORDER)).isPresent();
        assertThat(shop.orders.trail(Shop.STORED_ORDER)).isEmpty();
    }

    @Test
    void aDeleteByACaller_orOfAnotherItem_archivesNothing() {
        StreamsEventResponse response =
                handler.handleRequest(
                        Payloads.stream(
                                new StreamRecord(
                                        "REMOVE", "ORDER#" + Shop.STORED_ORDER, "ORDER", "100"),
                                new StreamRecord(
                                        "REMOVE",
                                        "ORDER#" + Shop.STORED_ORDER,
                                        "EVENT#0000000001",
                                        "101")),
                        new TestContext("req"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(shop.archive.size()).isZero();
        assertThat(shop.orders.trail(Shop.STORED_ORDER)).isNotEmpty();
        assertThat(metrics.flushed("RecordsSkipped")).isEqualTo(2);
    }
}
