package dev.orderflow.functions.observability;

import com.amazonaws.services.lambda.runtime.Context;

/** The metrics a handler emits at its edge; backed by CloudWatch EMF in Lambda. */
public interface HandlerMetrics {

    /** Adds to a count metric of this invocation. */
    void count(String metric, double value);

    /** Adds a duration in milliseconds to this invocation. */
    void milliseconds(String metric, double value);

    /** Records a cold start once per execution environment. */
    void coldStart(Context context);

    /** Writes this invocation's metrics out; called once per invocation. */
    void flush();
}
