package dev.orderflow.cloud.internal.lambda;

import java.nio.charset.StandardCharsets;

/** What an invocation returned: the handler's payload, or a function error in Lambda's shape. */
public sealed interface InvocationResult {

    /** The response payload (JSON). */
    byte[] payload();

    /** The handler returned normally. */
    record Success(byte[] payload) implements InvocationResult {}

    /**
     * The handler threw or timed out; {@code payload} is {@code {"errorMessage","errorType",...}}
     * as Lambda returns it with {@code X-Amz-Function-Error: Unhandled}.
     */
    record FunctionError(String errorType, String errorMessage, byte[] payload)
            implements InvocationResult {}

    default String payloadText() {
        return new String(payload(), StandardCharsets.UTF_8);
    }
}
