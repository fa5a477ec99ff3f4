package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.saga.PaymentStep;
import dev.orderflow.domain.saga.StepResult;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Saga step: take the payment. A provider timeout or transient failure escapes as {@code
 * PaymentUnavailable}, which the state machine retries with backoff and jitter.
 */
public final class TakePaymentHandler implements RequestStreamHandler {

    private final PaymentStep payment;
    private final HandlerMetrics metrics;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public TakePaymentHandler() {
        this(SagaWiring.paymentStep(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public TakePaymentHandler(PaymentStep payment, HandlerMetrics metrics) {
        this.payment = payment;
        this.metrics = metrics;
        this.endpoint = new StepEndpoint("TakePayment", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.OrderStep.class, this::pay);
    }

    private Object pay(StepPayloads.OrderStep request) {
        StepResult result = payment.run(request.order(), request.attempt());
        if (result.verdict() == StepResult.Verdict.REJECT) {
            metrics.count("PaymentDeclines", 1);
        }
        return StepPayloads.Verdict.of(result);
    }
}
