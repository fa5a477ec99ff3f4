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

    /**
     * One line for the boot report: source, function and the settings the poller applies, e.g.
     * {@code arn -> fn (batch 10, window 0 s, retries 1, bisect)}.
     */
    public String describe() {
        StringBuilder d =
                new StringBuilder(eventSourceArn)
                        .append(" -> ")
                        .append(functionName)
                        .append(" (batch ")
                        .append(batchSize)
                        .append(", window ")
                        .append(maximumBatchingWindowSeconds)
                        .append(" s");
        if (reportsBatchItemFailures()) {
            d.append(", ReportBatchItemFailures");
        }
        if (!filterPatterns.isEmpty()) {
            d.append(", ").append(filterPatterns.size()).append(" filters");
        }
        if (!isSqs()) {
            d.append(", retries ")
                    .append(
                            maximumRetryAttempts < 0
                                    ? "until expiry"
                                    : String.valueOf(maximumRetryAttempts));
            if (bisectBatchOnFunctionError) {
                d.append(", bisect");
            }
            if (parallelizationFactor > 1) {
                d.append(", parallelization ").append(parallelizationFactor);
            }
            onFailureDestination.ifPresent(dest -> d.append(", on failure ").append(dest));
        }
        return d.append(')').toString();
    }
}
