package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * An AWS::Lambda::EventSourceMapping (SQS queue or DynamoDB stream to a function).
 *
 * @param maximumRetryAttempts streams: retries of a failed batch, -1 = until the record expires
 * @param maximumRecordAgeSeconds streams: older records are discarded, -1 = no limit
 * @param onFailureDestination streams: SQS queue ARN that receives discarded batches' metadata
 * @param filterPatterns FilterCriteria.Filters[].Pattern, parsed; empty = every record
 * @param maximumConcurrency SQS ScalingConfig.MaximumConcurrency, 0 when absent
 * @param parallelizationFactor streams: concurrent batches per shard (1 to 10), 1 when absent
 * @param unsupportedProperties template properties the local poller does not emulate
 */
public record EventSourceMappingSpec(
        String logicalId,
        String functionName,
        String eventSourceArn,
        int batchSize,
        int maximumBatchingWindowSeconds,
        List<String> functionResponseTypes,
        boolean enabled,
        String startingPosition,
        int maximumRetryAttempts,
        boolean bisectBatchOnFunctionError,
        int maximumRecordAgeSeconds,
        Optional<String> onFailureDestination,
        List<JsonNode> filterPatterns,
        int maximumConcurrency,
        int parallelizationFactor,
        List<String> unsupportedProperties) {
    public EventSourceMappingSpec {
        functionResponseTypes = List.copyOf(functionResponseTypes);
        filterPatterns = List.copyOf(filterPatterns);
        unsupportedProperties = List.copyOf(unsupportedProperties);
    }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains("ReportBatchItemFailures");
    }

    public boolean isSqs() {
        return eventSourceArn.contains(":sqs:");
    }
}
