package dev.orderflow.functions.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Spans around a handler's work, through the OpenTelemetry API. Without an OpenTelemetry SDK in the
 * function (the ADOT Lambda layer provides one) they cost nothing; with it they nest under the
 * Lambda's active-tracing segment.
 */
public final class Spans {

    /** The instrumentation scope our spans are reported under. */
    public static final String SCOPE = "dev.orderflow.functions";

    private Spans() {}

    /**
     * Runs {@code work} in a span with these attributes; a failure is recorded on the span and
     * rethrown.
     */
    @SuppressWarnings("try") // the scope is unused in the block: it only needs closing after it
    public static <T> T inSpan(String name, Map<String, String> attributes, Supplier<T> work) {
        Span span = GlobalOpenTelemetry.getTracer(SCOPE).spanBuilder(name).startSpan();
        attributes.forEach(span::setAttribute);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getName());
            throw failure;
        } finally {
            span.end();
        }
    }
}
