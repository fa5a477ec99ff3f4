package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.saga.ShippingSteps;
import dev.orderflow.domain.saga.StepResult;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.SagaWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Saga step: every center reported its shipment; record the order as shipped. */
public final class ConfirmShippedHandler implements RequestStreamHandler {

    private final ShippingSteps shipping;
    private final HandlerMetrics metrics;
    private final StepEndpoint endpoint;

    /** For Lambda. */
    public ConfirmShippedHandler() {
        this(SagaWiring.shippingSteps(), AwsWiring.metrics());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ConfirmShippedHandler(ShippingSteps shipping, HandlerMetrics metrics) {
        this.shipping = shipping;
        this.metrics = metrics;
        this.endpoint = new StepEndpoint("ConfirmShipped", metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        endpoint.serve(input, output, context, StepPayloads.ShippedStep.class, this::confirm);
    }

    private Object confirm(StepPayloads.ShippedStep request) {
        Map<CenterId, String> tracking = new LinkedHashMap<>();
        for (StepPayloads.ShipmentReport report : request.shipments()) {
            if (report != null && report.centerId() != null) {
                tracking.put(
                        new CenterId(report.centerId()),
                        report.trackingNumber() == null ? "" : report.trackingNumber());
            }
        }
        ShippingSteps.Confirmation confirmation =
                shipping.confirmShipped(request.order(), tracking);
        if (confirmation.result().verdict() == StepResult.Verdict.PROCEED) {
            metrics.count("OrdersShipped", 1);
            metrics.milliseconds(
                    "SagaDuration",
                    (double)
                            Duration.between(confirmation.order().createdAt(), Instant.now())
                                    .toMillis());
        }
        return StepPayloads.Closing.of(confirmation.result().verdict(), confirmation.order());
    }
}
