package dev.orderflow.cloud.internal.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A Lambda function as the template declares it, with its code located on disk. */
public record FunctionSpec(
        String logicalId,
        String name,
        String arn,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        Path code,
        Optional<Integer> reservedConcurrency) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
    }

    /** The same function with its code taken from {@code jar}. */
    public FunctionSpec withCode(Path jar) {
        return new FunctionSpec(
                logicalId,
                name,
                arn,
                handler,
                runtime,
                memoryMb,
                timeoutSeconds,
                environment,
                jar,
                reservedConcurrency);
    }

    /** The same function with {@code overrides} set in its environment over the declared values. */
    public FunctionSpec withEnvironment(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(overrides);
        return new FunctionSpec(
                logicalId,
                name,
                arn,
                handler,
                runtime,
                memoryMb,
                timeoutSeconds,
                merged,
                code,
                reservedConcurrency);
    }
}
