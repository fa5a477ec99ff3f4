package dev.orderflow.functions.fulfillment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderflow.domain.shipping.FulfillShipment;
import dev.orderflow.domain.shipping.FulfillmentRequest;
import dev.orderflow.functions.messaging.BatchEndpoint;
import dev.orderflow.functions.messaging.SqsBatches;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;

/**
 * The fulfillment centers' worker on the fulfillment-requests queue: hands each shipment the saga
 * hands over to its center's warehouse and reports it on the saga's task token ({@code
 * SendTaskSuccess} with the parcel, or {@code SendTaskFailure} with {@code Fulfillment.Rejected} /
 * {@code Fulfillment.Cancelled}), or, when the center's warehouse system accepts it to report later
 * ({@link ReportShipmentEventHandler}), leaves the step waiting.
 */
public final class FulfillShipmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FulfillShipment fulfillShipment;
    private final HandlerMetrics metrics;
    private final BatchEndpoint endpoint;

    /** For Lambda. */
    public FulfillShipmentHandler() {
        this(WorkerWiring.fulfillShipment(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public FulfillShipmentHandler(FulfillShipment fulfillShipment, HandlerMetrics metrics) {
        this.fulfillShipment = fulfillShipment;
        this.metrics = metrics;
        this.endpoint = new BatchEndpoint("FulfillShipment", metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(endpoint, context, event, this::fulfill);
    }

    private String fulfill(SQSMessage message) {
        FulfillmentRequest request = FulfillmentRequestMessage.read(message.getBody());
        BatchEndpoint.aboutOrder(request.orderId());
        FulfillShipment.Outcome outcome = fulfillShipment.fulfill(request);
        boolean reportedNow =
                !outcome.alreadyReported()
                        && outcome.result() != FulfillShipment.Result.NO_ANSWER
                        && outcome.result() != FulfillShipment.Result.ACCEPTED;
        metrics.count("FulfillmentReported", reportedNow ? 1 : 0);
        metrics.count(metricOf(outcome.result()), 1);
        return request.shipment().center()
                + " "
                + outcome.result()
                + (outcome.alreadyReported() ? " (reported before)" : "");
    }

    private static String metricOf(FulfillShipment.Result result) {
        return switch (result) {
            case SHIPPED -> "FulfillmentShipped";
            case REJECTED -> "FulfillmentRejected";
            case CANCELLED -> "FulfillmentCancelled";
            case ORDER_NOT_FOUND -> "FulfillmentOrderNotFound";
            case ACCEPTED -> "FulfillmentAccepted";
            case NO_ANSWER -> "FulfillmentUnanswered";
        };
    }
}
