package dev.orderflow.functions.support;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderflow.functions.observability.HandlerMetrics;
import java.util.HashMap;
import java.util.Map;

/** Keeps flushed metrics in memory so tests can assert on them. */
public final class RecordingMetrics implements HandlerMetrics {

    private final Map<String, Double> pending = new HashMap<>();
    private final Map<String, Double> flushed = new HashMap<>();
    private int coldStarts;

    @Override
    public void count(String metric, double value) {
        pending.merge(metric, value, Double::sum);
    }

    @Override
    public void milliseconds(String metric, double value) {
        pending.merge(metric, value, Double::sum);
    }

    @Override
    public void coldStart(Context context) {
        coldStarts++;
    }

    @Override
    public void flush() {
        pending.forEach((k, v) -> flushed.merge(k, v, Double::sum));
        pending.clear();
    }

    /** The total flushed for a metric, 0 if never. */
    public double flushed(String metric) {
        return flushed.getOrDefault(metric, 0.0);
    }

    public int coldStartCalls() {
        return coldStarts;
    }
}
