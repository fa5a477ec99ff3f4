package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.saga.HandOver;
import dev.orderflow.domain.saga.ShippingSteps;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Saga step: mark the order shipping and give the state machine one work order per center. */
public final class HandOverShipmentsHandler implements RequestStreamHandler {

    private final ShippingSteps shipping;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public HandOverShipmentsHandler() {
        this(SagaWiring.shippingSteps(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public HandOverShipmentsHandler(ShippingSteps shipping, HandlerMetrics metrics) {
        this.shipping = shipping;
        this.endpoint = new StepEndpoint("HandOverShipments", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.OrderStep.class, this::handOver);
    }

    private Object handOver(StepPayloads.OrderStep request) {
        HandOver handOver = shipping.handOver(request.order());
        return new StepPayloads.HandOverResult(
                handOver.result().verdict().name(),
                handOver.result().reason(),
                handOver.workOrders().stream()
                        .map(
                                w ->
                                        new StepPayloads.WorkOrder(
                                                w.center().value(),
                                                StepPayloads.Line.of(w.lines()),
                                                w.timeout().toSeconds(),
                                                w.heartbeat().toSeconds()))
                        .toList());
    }
}
