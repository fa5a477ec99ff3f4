package dev.orderflow.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.StartFulfillment;
import dev.orderflow.domain.testfixtures.InMemoryWorkflowStarter;
import dev.orderflow.functions.support.Payloads;
import dev.orderflow.functions.support.Payloads.StreamRecord;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartFulfillmentHandlerTest {

    private final InMemoryWorkflowStarter workflows = new InMemoryWorkflowStarter();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final StartFulfillmentHandler handler =
            new StartFulfillmentHandler(new StartFulfillment(workflows), metrics, Shop.HERE);

    private static StreamRecord inserted(OrderId order, String sequenceNumber) {
        return new StreamRecord("INSERT", "ORDER#" + order, "ORDER", sequenceNumber);
    }

    private List<String> failed(StreamRecord... records) {
        StreamsEventResponse response =
                handler.handleRequest(Payloads.stream(records), new TestContext("req"));
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aPlacedOrder_startsItsWorkflow_once_evenWhenTheRecordIsDeliveredAgain() {
        OrderId order = OrderId.random();

        assertThat(failed(inserted(order, "100"), inserted(order, "100"))).isEmpty();

        assertThat(workflows.started()).containsExactly(order);
        assertThat(metrics.flushed("WorkflowsStarted")).isEqualTo(1);
        assertThat(metrics.flushed("WorkflowsAlreadyStarted")).isEqualTo(1);
    }

    @Test
    void anOrderHomedInAnotherRegion_isLeftToThatRegion_andOneHomedHereStarts() {
        OrderId foreign = OrderId.random();
        OrderId local = OrderId.random();

        assertThat(
                        failed(
                                new StreamRecord(
                                        "INSERT", "ORDER#" + foreign, "ORDER", "100", "us-east-1"),
                                new StreamRecord(
                                        "INSERT",
                                        "ORDER#" + local,
                                        "ORDER",
                                        "101",
                                        "eu-central-1")))
                .isEmpty();

        assertThat(workflows.started()).containsExactly(local);
        assertThat(metrics.flushed("RecordsHomedElsewhere")).isEqualTo(1);
        assertThat(metrics.flushed("WorkflowsStarted")).isEqualTo(1);
    }

    @Test
    void aHomeThatIsNoRegionName_isAMalformedRecord() {
        OrderId order = OrderId.random();

        assertThat(failed(new StreamRecord("INSERT", "ORDER#" + order, "ORDER", "100", "mars")))
                .containsExactly("100");
        assertThat(workflows.calls()).isEmpty();
    }

    @Test
    void eventsShipmentsAndUpdates_ofAnOrder_startNothing() {
        OrderId order = OrderId.random();

        assertThat(
                        failed(
                                new StreamRecord(
                                        "INSERT", "ORDER#" + order, "EVENT#2026#0001", "100"),
                                new StreamRecord("MODIFY", "ORDER#" + order, "ORDER", "101"),
                                new StreamRecord("REMOVE", "ORDER#" + order, "ORDER", "102")))
                .isEmpty();

        assertThat(workflows.calls()).isEmpty();
        assertThat(metrics.flushed("RecordsSkipped")).isEqualTo(3);
    }

    @Test
    void aTransientFailure_reportsThatRecord_andLeavesTheRestForTheRetry() {
        OrderId first = OrderId.random();
        OrderId throttled = OrderId.random();
        OrderId third = OrderId.random();
        workflows.unavailableFor(throttled);

        assertThat(
                        failed(
                                inserted(first, "100"),
                                inserted(throttled, "101"),
                                inserted(third, "102")))
                .containsExactly("101");

        assertThat(workflows.calls()).containsExactly(first, throttled);
        assertThat(metrics.flushed("TransientFailures")).isEqualTo(1);
    }

    @Test
    void aRecordWithAMalformedOrderKey_isReportedByItsSequenceNumber() {
        assertThat(failed(new StreamRecord("INSERT", "ORDER#not-a-uuid", "ORDER", "100")))
                .containsExactly("100");
        assertThat(metrics.flushed("PoisonMessages")).isEqualTo(1);
    }
}
