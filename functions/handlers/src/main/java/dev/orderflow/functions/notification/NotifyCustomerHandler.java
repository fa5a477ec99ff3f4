package dev.orderflow.functions.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotifyCustomer;
import dev.orderflow.functions.messaging.BatchEndpoint;
import dev.orderflow.functions.messaging.SqsBatches;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;

/**
 * Tells customers how their orders ended, from the notifications queue: once per order and outcome,
 * however often a message is delivered.
 */
public final class NotifyCustomerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final NotifyCustomer notifyCustomer;
    private final HandlerMetrics metrics;
    private final BatchEndpoint endpoint;

    /** For Lambda. */
    public NotifyCustomerHandler() {
        this(WorkerWiring.notifyCustomer(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public NotifyCustomerHandler(NotifyCustomer notifyCustomer, HandlerMetrics metrics) {
        this.notifyCustomer = notifyCustomer;
        this.metrics = metrics;
        this.endpoint = new BatchEndpoint("NotifyCustomer", metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(endpoint, context, event, this::notifyOf);
    }

    private String notifyOf(SQSMessage message) {
        Notification notification = NotificationMessage.read(message.getBody());
        BatchEndpoint.aboutOrder(notification.orderId());
        NotifyCustomer.Result result = notifyCustomer.send(notification);
        boolean sent = result == NotifyCustomer.Result.SENT;
        metrics.count("NotificationsSent", sent ? 1 : 0);
        metrics.count("NotificationsDuplicate", sent ? 0 : 1);
        return notification.outcome() + (sent ? " notification sent" : " notification sent before");
    }
}
