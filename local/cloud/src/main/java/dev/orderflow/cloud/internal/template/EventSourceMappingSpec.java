package dev.orderflow.cloud.internal.template;

import java.util.List;

/** An AWS::Lambda::EventSourceMapping (SQS queue or DynamoDB stream to a function). */
public record EventSourceMappingSpec(
        String logicalId,
        String functionName,
        String eventSourceArn,
        int batchSize,
        int maximumBatchingWindowSeconds,
        List<String> functionResponseTypes,
        boolean enabled,
        String startingPosition) {
    public EventSourceMappingSpec {
        functionResponseTypes = List.copyOf(functionResponseTypes);
    }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains("ReportBatchItemFailures");
    }
}
