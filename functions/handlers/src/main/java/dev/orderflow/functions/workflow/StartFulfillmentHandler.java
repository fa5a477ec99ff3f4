package dev.orderflow.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderflow.adapters.aws.dynamodb.OrderStreamRecords;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.StartFulfillment;
import dev.orderflow.domain.order.WorkflowStarter;
import dev.orderflow.domain.region.AwsRegion;
import dev.orderflow.functions.messaging.BatchEndpoint;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transactional outbox's relay: every order item inserted into the orders table (the stream's
 * {@code INSERT} of {@code sk = ORDER}) starts that order's saga, named after the order, so a
 * redelivered record starts nothing new. Anything else on the stream (events, shipments, updates)
 * is skipped; the event source mapping filters most of it out before it costs an invocation.
 *
 * <p>Streams are ordered per shard and Lambda resumes after a partial failure from the lowest
 * failed sequence number, so processing stops at the first failed record and reports only it.
 */
public final class StartFulfillmentHandler
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final StartFulfillment startFulfillment;
    private final HandlerMetrics metrics;
    private final BatchEndpoint endpoint;
    private final AwsRegion here;

    /** For Lambda. */
    public StartFulfillmentHandler() {
        this(WorkerWiring.startFulfillment(), AwsWiring.metrics(), AwsWiring.here());
    }

    /**
     * With its ports: the Lambda constructor passes the real ones, tests pass fakes.
     *
     * @param here the region it runs in: records of orders homed in another one are skipped
     */
    public StartFulfillmentHandler(
            StartFulfillment startFulfillment, HandlerMetrics metrics, AwsRegion here) {
        this.here = here;
        this.startFulfillment = startFulfillment;
        this.metrics = metrics;
        this.endpoint = new BatchEndpoint("StartFulfillment", metrics);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<BatchEndpoint.Item<DynamodbStreamRecord>> items = List.of();
        if (event != null && event.getRecords() != null) {
            items = event.getRecords().stream().map(StartFulfillmentHandler::itemOf).toList();
        }
        List<String> failed =
                endpoint.processHomedIn(
                        here, context, items, StreamImages::homeRegionOf, this::start, true);
        return new StreamsEventResponse(
                failed.stream().map(StreamsEventResponse.BatchItemFailure::new).toList());
    }

    /** A record without an event id is logged by its sequence number. */
    private static BatchEndpoint.Item<DynamodbStreamRecord> itemOf(DynamodbStreamRecord record) {
        String sequenceNumber = sequenceNumberOf(record);
        String eventId = record.getEventID() == null ? sequenceNumber : record.getEventID();
        return new BatchEndpoint.Item<>(sequenceNumber, eventId, record);
    }

    private String start(DynamodbStreamRecord record) {
        Optional<OrderId> placed =
                OrderStreamRecords.placedOrder(
                        Objects.toString(record.getEventName(), ""), stringKeysOf(record));
        if (placed.isEmpty()) {
            metrics.count("RecordsSkipped", 1);
            return "skipped: not a placed order";
        }
        OrderId order = placed.get();
        BatchEndpoint.aboutOrder(order);
        WorkflowStarter.Started started = startFulfillment.start(order);
        boolean now = started == WorkflowStarter.Started.NOW;
        metrics.count("WorkflowsStarted", now ? 1 : 0);
        metrics.count("WorkflowsAlreadyStarted", now ? 0 : 1);
        return now ? "workflow started" : "workflow started before";
    }

    /** The record's string key attributes by name; what they mean, the adapter knows. */
    private static Map<String, String> stringKeysOf(DynamodbStreamRecord record) {
        Map<String, String> keys = new HashMap<>();
        if (record.getDynamodb() != null && record.getDynamodb().getKeys() != null) {
            record.getDynamodb()
                    .getKeys()
                    .forEach(
                            (name, value) -> {
                                if (value != null && value.getS() != null) {
                                    keys.put(name, value.getS());
                                }
                            });
        }
        return keys;
    }

    private static String sequenceNumberOf(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getSequenceNumber() == null) {
            return "";
        }
        return record.getDynamodb().getSequenceNumber();
    }
}
