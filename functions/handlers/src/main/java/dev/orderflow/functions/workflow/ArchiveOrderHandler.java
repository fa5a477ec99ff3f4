package dev.orderflow.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderflow.adapters.aws.dynamodb.OrderStreamRecords;
import dev.orderflow.domain.order.ArchiveOrder;
import dev.orderflow.domain.order.Order;
import dev.orderflow.functions.messaging.BatchEndpoint;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The archiver on the orders stream: when TTL removes a finished order's item (a {@code REMOVE} of
 * {@code sk = ORDER} whose {@code userIdentity} is the DynamoDB service), the order as its item
 * last stood (the record's old image) goes to the archive with its trail, and the rest of its
 * collection is removed. The event source mapping filters the stream to such records; anything else
 * that arrives is skipped. Processing stops at the first failed record, as the stream is ordered.
 */
public final class ArchiveOrderHandler
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final ArchiveOrder archiveOrder;
    private final HandlerMetrics metrics;
    private final BatchEndpoint endpoint;

    /** For Lambda. */
    public ArchiveOrderHandler() {
        this(WorkerWiring.archiveOrder(), AwsWiring.metrics());
    }

    /**
     * With its ports: the Lambda constructor passes the real ones, tests pass fakes. Unlike the
     * other orders-stream consumers it archives orders of every home region: DynamoDB marks a TTL
     * removal as the service's only in the region whose TTL ran it, which need not be the order's
     * home (docs/multi-region.md), and the archive is a global table.
     */
    public ArchiveOrderHandler(ArchiveOrder archiveOrder, HandlerMetrics metrics) {
        this.archiveOrder = archiveOrder;
        this.metrics = metrics;
        this.endpoint = new BatchEndpoint("ArchiveOrder", metrics);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<BatchEndpoint.Item<DynamodbStreamRecord>> items = List.of();
        if (event != null && event.getRecords() != null) {
            items = event.getRecords().stream().map(ArchiveOrderHandler::itemOf).toList();
        }
        List<String> failed = endpoint.process(context, items, this::archive, true);
        return new StreamsEventResponse(
                failed.stream().map(StreamsEventResponse.BatchItemFailure::new).toList());
    }

    private static BatchEndpoint.Item<DynamodbStreamRecord> itemOf(DynamodbStreamRecord record) {
        String sequenceNumber =
                record.getDynamodb() == null || record.getDynamodb().getSequenceNumber() == null
                        ? ""
                        : record.getDynamodb().getSequenceNumber();
        String eventId = record.getEventID() == null ? sequenceNumber : record.getEventID();
        return new BatchEndpoint.Item<>(sequenceNumber, eventId, record);
    }

    private String archive(DynamodbStreamRecord record) {
        var identity = record.getUserIdentity();
        String eventName = Objects.toString(record.getEventName(), "");
        String type = identity == null ? "" : Objects.toString(identity.getType(), "");
        String principal = identity == null ? "" : Objects.toString(identity.getPrincipalId(), "");
        var oldImage =
                StreamImages.sdk(
                        record.getDynamodb() == null ? null : record.getDynamodb().getOldImage());
        Optional<Order> expired =
                OrderStreamRecords.expiredOrder(eventName, type, principal, oldImage);
        if (expired.isEmpty()) {
            metrics.count("RecordsSkipped", 1);
            return "skipped: not an order removed by TTL ("
                    + eventName
                    + " by "
                    + (type.isEmpty() ? "a caller" : type + "/" + principal)
                    + ", old image "
                    + (oldImage.isEmpty() ? "absent" : "present")
                    + ")";
        }
        BatchEndpoint.aboutOrder(expired.get().id());
        archiveOrder.archive(expired.get());
        metrics.count("OrdersArchived", 1);
        return "order archived";
    }
}
