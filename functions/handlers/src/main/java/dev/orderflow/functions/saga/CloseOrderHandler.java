package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.saga.Compensation;
import dev.orderflow.domain.saga.StepResult;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/** Compensation's last step: close the order as rejected (with the reason) or cancelled. */
public final class CloseOrderHandler implements RequestStreamHandler {

    private final Compensation compensation;
    private final HandlerMetrics metrics;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public CloseOrderHandler() {
        this(SagaWiring.compensation(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public CloseOrderHandler(Compensation compensation, HandlerMetrics metrics) {
        this.compensation = compensation;
        this.metrics = metrics;
        this.endpoint = new StepEndpoint("CloseOrder", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.CloseStep.class, this::close);
    }

    private Object close(StepPayloads.CloseStep request) {
        Order closed = compensation.close(request.order(), FailureReasons.of(request.failure()));
        metrics.count("OrdersRejected", closed.status() == OrderStatus.REJECTED ? 1 : 0);
        metrics.count("OrdersCancelled", closed.status() == OrderStatus.CANCELLED ? 1 : 0);
        metrics.milliseconds(
                "SagaDuration",
                (double) Duration.between(closed.createdAt(), Instant.now()).toMillis());
        return StepPayloads.Closing.of(
                closed.status() == OrderStatus.CANCELLED
                        ? StepResult.Verdict.CANCEL
                        : StepResult.Verdict.REJECT,
                closed);
    }
}
