package dev.orderflow.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.StartFulfillment;
import dev.orderflow.domain.order.WorkflowStarter;
import dev.orderflow.functions.messaging.BatchEndpoint;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;
import java.util.List;
import java.util.Map;

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

    private static final String ORDER_KEY_PREFIX = "ORDER#";

    private final StartFulfillment startFulfillment;
    private final HandlerMetrics metrics;
    private final BatchEndpoint endpoint;

    /** For Lambda. */
    public StartFulfillmentHandler() {
        this(WorkerWiring.startFulfillment(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public StartFulfillmentHandler(StartFulfillment startFulfillment, HandlerMetrics metrics) {
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
        List<String> failed = endpoint.process(context, items, this::start, true);
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
        Map<String, AttributeValue> keys =
                record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
        if (!"INSERT".equals(record.getEventName()) || !"ORDER".equals(text(keys, "sk"))) {
            metrics.count("RecordsSkipped", 1);
            return "skipped: not a placed order";
        }
        OrderId order = orderIdOf(keys);
        BatchEndpoint.aboutOrder(order);
        WorkflowStarter.Started started = startFulfillment.start(order);
        boolean now = started == WorkflowStarter.Started.NOW;
        metrics.count("WorkflowsStarted", now ? 1 : 0);
        metrics.count("WorkflowsAlreadyStarted", now ? 0 : 1);
        return now ? "workflow started" : "workflow started before";
    }

    private static OrderId orderIdOf(Map<String, AttributeValue> keys) {
        String pk = text(keys, "pk");
        if (pk == null || !pk.startsWith(ORDER_KEY_PREFIX)) {
            throw InvalidInput.of("pk", "must be ORDER#<orderId>");
        }
        return new OrderId(pk.substring(ORDER_KEY_PREFIX.length()));
    }

    private static String text(Map<String, AttributeValue> keys, String name) {
        if (keys == null || keys.get(name) == null) {
            return null;
        }
        return keys.get(name).getS();
    }

    private static String sequenceNumberOf(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getSequenceNumber() == null) {
            return "";
        }
        return record.getDynamodb().getSequenceNumber();
    }
}
