package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.saga.Compensation;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Compensation: give the order's payment back, if it was taken. */
public final class RefundPaymentHandler implements RequestStreamHandler {

    private final Compensation compensation;
    private final HandlerMetrics metrics;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public RefundPaymentHandler() {
        this(SagaWiring.compensation(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public RefundPaymentHandler(Compensation compensation, HandlerMetrics metrics) {
        this.compensation = compensation;
        this.metrics = metrics;
        this.endpoint = new StepEndpoint("RefundPayment", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.OrderStep.class, this::refund);
    }

    private Object refund(StepPayloads.OrderStep request) {
        Optional<String> refunded = compensation.refund(request.order());
        metrics.count("Refunds", refunded.isPresent() ? 1 : 0);
        return new StepPayloads.Refund(refunded.isPresent(), refunded.orElse(""));
    }
}
