package dev.orderflow.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderflow.adapters.shipping.SimulatedWarehouse;
import dev.orderflow.domain.notification.NotifyCustomer;
import dev.orderflow.domain.order.StartFulfillment;
import dev.orderflow.domain.testfixtures.InMemorySentNotifications;
import dev.orderflow.domain.testfixtures.InMemoryWorkflowStarter;
import dev.orderflow.domain.testfixtures.RecordingNotifier;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.functions.fulfillment.FulfillShipmentHandler;
import dev.orderflow.functions.notification.NotifyCustomerHandler;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import dev.orderflow.functions.workflow.ArchiveOrderHandler;
import dev.orderflow.functions.workflow.StartFulfillmentHandler;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every queue and stream sample event in {@code events/} through the handler of its source,
 * over the in-memory shop of the HTTP samples.
 */
class WorkerSampleEventsTest {

    /** How many batch item failures each sample event must produce; a new file must be added. */
    private static final Map<String, Integer> EXPECTED_FAILURES =
            Map.ofEntries(
                    Map.entry("sqs-fulfillment-request.json", 0),
                    Map.entry("sqs-fulfillment-request-malformed.json", 1),
                    Map.entry("sqs-notification.json", 0),
                    Map.entry("ddb-stream-order-inserted.json", 0),
                    Map.entry("ddb-stream-order-event-appended.json", 0),
                    Map.entry("ddb-stream-order-expired.json", 0));

    static List<String> workerEvents() {
        List<String> all = new ArrayList<>(SampleEvents.named("sqs-"));
        all.addAll(SampleEvents.named("ddb-"));
        return all;
    }

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        assertThat(workerEvents()).containsExactlyInAnyOrderElementsOf(EXPECTED_FAILURES.keySet());
    }

    @ParameterizedTest
    @MethodSource("workerEvents")
    void sampleEvent_producesItsExpectedBatchItemFailures(String file) {
        assertThat(failuresOf(file)).isEqualTo(EXPECTED_FAILURES.get(file));
    }

    @Test
    void theOrderInsertedSample_startsTheSampleOrdersWorkflow() {
        InMemoryWorkflowStarter workflows = new InMemoryWorkflowStarter();
        new StartFulfillmentHandler(
                        new StartFulfillment(workflows), new RecordingMetrics(), Shop.HERE)
                .handleRequest(
                        SampleEvents.dynamodb("ddb-stream-order-inserted.json"),
                        new TestContext("req"));

        assertThat(workflows.started()).containsExactly(Shop.STORED_ORDER);
    }

    private static int failuresOf(String file) {
        var context = new TestContext("req");
        var metrics = new RecordingMetrics();
        if (file.startsWith("sqs-fulfillment-request")) {
            SQSBatchResponse response =
                    new FulfillShipmentHandler(
                                    new Shop()
                                            .fulfillShipment(
                                                    new SimulatedWarehouse(
                                                            Clock.fixed(Shop.NOW, ZoneOffset.UTC)),
                                                    new RecordingTaskTokens()),
                                    metrics)
                            .handleRequest(SampleEvents.sqs(file), context);
            return response.getBatchItemFailures().size();
        }
        if (file.startsWith("sqs-notification")) {
            SQSBatchResponse response =
                    new NotifyCustomerHandler(
                                    new NotifyCustomer(
                                            new InMemorySentNotifications(),
                                            new RecordingNotifier()),
                                    metrics)
                            .handleRequest(SampleEvents.sqs(file), context);
            return response.getBatchItemFailures().size();
        }
        if (file.startsWith("ddb-stream-order-expired")) {
            StreamsEventResponse response =
                    new ArchiveOrderHandler(new Shop().archiveOrder(), metrics)
                            .handleRequest(SampleEvents.dynamodb(file), context);
            return response.getBatchItemFailures().size();
        }
        if (file.startsWith("ddb-stream-")) {
            StreamsEventResponse response =
                    new StartFulfillmentHandler(
                                    new StartFulfillment(new InMemoryWorkflowStarter()),
                                    metrics,
                                    Shop.HERE)
                            .handleRequest(SampleEvents.dynamodb(file), context);
            return response.getBatchItemFailures().size();
        }
        throw new AssertionError("no handler consumes " + file);
    }
}
