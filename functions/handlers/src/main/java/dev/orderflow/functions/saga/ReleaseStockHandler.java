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

/** Compensation: return the order's reserved units to stock. */
public final class ReleaseStockHandler implements RequestStreamHandler {

    private final Compensation compensation;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public ReleaseStockHandler() {
        this(SagaWiring.compensation(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ReleaseStockHandler(Compensation compensation, HandlerMetrics metrics) {
        this.compensation = compensation;
        this.endpoint = new StepEndpoint("ReleaseStock", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.OrderStep.class, this::release);
    }

    private Object release(StepPayloads.OrderStep request) {
        compensation.release(request.order());
        return new StepPayloads.Release(true);
    }
}
