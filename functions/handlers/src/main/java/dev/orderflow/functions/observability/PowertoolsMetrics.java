package dev.orderflow.functions.observability;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@link HandlerMetrics} through Powertools' EMF logger. Namespace and service come from the
 * function's {@code POWERTOOLS_METRICS_NAMESPACE} and {@code POWERTOOLS_SERVICE_NAME}.
 */
public final class PowertoolsMetrics implements HandlerMetrics {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    private boolean coldStartRecorded;

    @Override
    public void count(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.COUNT);
    }

    @Override
    public void milliseconds(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.MILLISECONDS);
    }

    @Override
    public void coldStart(Context context) {
        if (!coldStartRecorded) {
            coldStartRecorded = true;
            metrics.captureColdStartMetric(context);
        }
    }

    @Override
    public void flush() {
        metrics.flush();
    }
}
