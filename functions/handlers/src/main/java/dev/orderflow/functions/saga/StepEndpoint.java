package dev.orderflow.functions.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.observability.Spans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What every saga step function does around its use case: read the state's payload, put the order
 * id and the execution (the correlation id) on every log line, run the step, write its result and
 * flush the metrics. Failures are not mapped: they reach Step Functions named by their class, and
 * the state machine retries the transient ones and compensates for the rest.
 */
final class StepEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(StepEndpoint.class);

    /** The state machine may pass more than a step reads; that is not an error. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String step;
    private final HandlerMetrics metrics;

    StepEndpoint(String step, HandlerMetrics metrics) {
        this.step = Objects.requireNonNull(step, "step");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The payload every step receives. */
    interface StepRequest {
        String orderId();

        String executionId();

        default OrderId order() {
            return new OrderId(orderId());
        }
    }

    <I extends StepRequest> void serve(
            InputStream input,
            OutputStream output,
            Context context,
            Class<I> type,
            Function<I, Object> step)
            throws IOException {
        byte[] payload = input.readAllBytes();
        Object result =
                PowertoolsLogging.withLogging(context, () -> run(payload, context, type, step));
        MAPPER.writeValue(output, result);
    }

    private <I extends StepRequest> Object run(
            byte[] payload, Context context, Class<I> type, Function<I, Object> logic) {
        metrics.coldStart(context);
        I request = read(payload, type);
        MDC.put("orderId", String.valueOf(request.orderId()));
        MDC.put("correlationId", String.valueOf(request.executionId()));
        try {
            Object result =
                    Spans.inSpan(
                            "saga " + step,
                            Map.of(
                                    "orderflow.order_id", request.orderId(),
                                    "orderflow.execution", String.valueOf(request.executionId())),
                            () -> logic.apply(request));
            LOG.info("{} done", step);
            return result;
        } catch (RuntimeException failure) {
            metrics.count("SagaStepFailures", 1);
            LOG.warn("{} failed: {}", step, failure.toString());
            throw failure;
        } finally {
            metrics.flush();
            MDC.remove("orderId");
            MDC.remove("correlationId");
        }
    }

    private <I extends StepRequest> I read(byte[] payload, Class<I> type) {
        I request;
        try {
            request = MAPPER.readValue(payload, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    step + " cannot read its payload: " + e.getMessage(), e);
        }
        if (request == null || request.orderId() == null) {
            throw new IllegalArgumentException(step + " needs an orderId in its payload");
        }
        return request;
    }
}
