package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.saga.ReserveStep;
import dev.orderflow.domain.saga.StepResult;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Saga step: allocate the order to centers and reserve its stock. */
public final class ReserveStockHandler implements RequestStreamHandler {

    private final ReserveStep reserve;
    private final HandlerMetrics metrics;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public ReserveStockHandler() {
        this(SagaWiring.reserveStep(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ReserveStockHandler(ReserveStep reserve, HandlerMetrics metrics) {
        this.reserve = reserve;
        this.metrics = metrics;
        this.endpoint = new StepEndpoint("ReserveStock", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.OrderStep.class, this::reserve);
    }

    private Object reserve(StepPayloads.OrderStep request) {
        StepResult result;
        try {
            result = reserve.run(request.order());
        } catch (DependencyUnavailable e) {
            metrics.count("ReservationConflicts", 1); // contended or throttled; the saga retries
            throw e;
        }
        if (result.verdict() == StepResult.Verdict.REJECT) {
            metrics.count("OutOfStock", 1);
        }
        return StepPayloads.Verdict.of(result);
    }
}
