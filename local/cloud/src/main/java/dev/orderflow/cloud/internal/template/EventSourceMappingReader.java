package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a stack's {@code AWS::Lambda::EventSourceMapping}s. A property the pollers do not honour is
 * never dropped silently: it is listed in the mapping's unsupported properties, reported at boot.
 */
final class EventSourceMappingReader {

    /** Event source mapping properties the pollers honour; any other one is reported at boot. */
    private static final Set<String> MAPPING_PROPERTIES =
            Set.of(
                    "FunctionName",
                    "EventSourceArn",
                    "BatchSize",
                    "MaximumBatchingWindowInSeconds",
                    "FunctionResponseTypes",
                    "Enabled",
                    "StartingPosition",
                    "MaximumRetryAttempts",
                    "BisectBatchOnFunctionError",
                    "MaximumRecordAgeInSeconds",
                    "DestinationConfig",
                    "FilterCriteria",
                    "ScalingConfig",
                    "ParallelizationFactor",
                    "Tags");

    /** Lambda's range for a stream mapping's ParallelizationFactor. */
    private static final int MAX_PARALLELIZATION = 10;

    private EventSourceMappingReader() {}

    static List<EventSourceMappingSpec> read(CfnStack stack) {
        List<EventSourceMappingSpec> out = new ArrayList<>();
        stack.forType("AWS::Lambda::EventSourceMapping")
                .forEach(
                        (id, r) ->
                                out.add(
                                        mapping(
                                                id,
                                                stack.intrinsics().resolve(r.path("Properties")))));
        return out;
    }

    private static EventSourceMappingSpec mapping(String id, JsonNode p) {
        List<String> types = new ArrayList<>();
        p.path("FunctionResponseTypes").forEach(t -> types.add(t.asText()));
        String source = p.path("EventSourceArn").asText();
        boolean sqs = source.contains(":sqs:");
        List<String> unsupported = new ArrayList<>();
        p.fieldNames()
                .forEachRemaining(
                        f -> {
                            if (!MAPPING_PROPERTIES.contains(f)) {
                                unsupported.add(f);
                            }
                        });
        int parallelization = sqs ? sqsOnly(p, unsupported) : streamOnly(p, unsupported);
        Optional<String> onFailure = onFailure(p, unsupported);
        return new EventSourceMappingSpec(
                id,
                CfnStack.functionName(p.path("FunctionName").asText()),
                source,
                p.path("BatchSize").asInt(sqs ? 10 : 100),
                p.path("MaximumBatchingWindowInSeconds").asInt(0),
                types,
                p.path("Enabled").asBoolean(true),
                "TRIM_HORIZON".equals(p.path("StartingPosition").asText())
                        ? "TRIM_HORIZON"
                        : "LATEST",
                p.path("MaximumRetryAttempts").asInt(-1),
                p.path("BisectBatchOnFunctionError").asBoolean(false),
                p.path("MaximumRecordAgeInSeconds").asInt(-1),
                onFailure,
                filterPatterns(id, p),
                p.path("ScalingConfig").path("MaximumConcurrency").asInt(0),
                parallelization,
                unsupported);
    }

    /** Reports the stream-only properties an SQS mapping sets; its parallelization is 1. */
    private static int sqsOnly(JsonNode p, List<String> unsupported) {
        for (String streamOnly :
                List.of(
                        "MaximumRetryAttempts",
                        "BisectBatchOnFunctionError",
                        "MaximumRecordAgeInSeconds",
                        "DestinationConfig",
                        "StartingPosition",
                        "ParallelizationFactor")) {
            if (p.has(streamOnly)) {
                unsupported.add(streamOnly + " (stream sources only; AWS rejects it for SQS)");
            }
        }
        return 1;
    }

    /** Reports what a stream mapping sets that the poller does not honour; its parallelization. */
    private static int streamOnly(JsonNode p, List<String> unsupported) {
        if (p.has("ScalingConfig")) {
            unsupported.add("ScalingConfig (SQS sources only)");
        }
        int factor = p.path("ParallelizationFactor").asInt(1);
        if (factor < 1 || factor > MAX_PARALLELIZATION) {
            unsupported.add("ParallelizationFactor " + factor + " (1 to 10; 1 is used)");
            factor = 1;
        }
        String position = p.path("StartingPosition").asText("LATEST");
        if (!position.equals("LATEST") && !position.equals("TRIM_HORIZON")) {
            unsupported.add("StartingPosition " + position + " (LATEST is used)");
        }
        if (p.path("MaximumBatchingWindowInSeconds").asInt(0) > 0) {
            unsupported.add(
                    "MaximumBatchingWindowInSeconds on a stream (records go out as they are"
                            + " read)");
        }
        return factor;
    }

    private static Optional<String> onFailure(JsonNode p, List<String> unsupported) {
        JsonNode destination = p.path("DestinationConfig");
        if (!destination.isObject()) {
            return Optional.empty();
        }
        String arn = destination.path("OnFailure").path("Destination").asText("");
        if (arn.contains(":sqs:")) {
            return Optional.of(arn);
        }
        unsupported.add("DestinationConfig (only an SQS queue OnFailure destination)");
        return Optional.empty();
    }

    private static List<JsonNode> filterPatterns(String id, JsonNode p) {
        List<JsonNode> patterns = new ArrayList<>();
        for (JsonNode filter : p.path("FilterCriteria").path("Filters")) {
            String pattern = filter.path("Pattern").asText();
            try {
                patterns.add(Json.parse(pattern));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(
                        id + ": FilterCriteria pattern is not JSON: " + pattern);
            }
        }
        return patterns;
    }
}
