package dev.orderflow.states.internal.tasks;

import dev.orderflow.states.internal.activities.ActivityRegistry;
import dev.orderflow.states.spi.IntegrationPattern;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Task {@code Resource} split into service, action and integration pattern. Bare Lambda function
 * ARNs become service {@code lambda}, action {@code invoke} with {@code bareFunction} set.
 */
public record ResourceArn(
        String raw,
        String service,
        String action,
        IntegrationPattern pattern,
        boolean bareFunction) {

    private static final Map<String, Set<IntegrationPattern>> OPTIMIZED =
            Map.of(
                    "lambda:invoke",
                            Set.of(
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    IntegrationPattern.WAIT_FOR_TASK_TOKEN),
                    "sqs:sendMessage",
                            Set.of(
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    IntegrationPattern.WAIT_FOR_TASK_TOKEN),
                    "dynamodb:getItem", Set.of(IntegrationPattern.REQUEST_RESPONSE),
                    "dynamodb:putItem", Set.of(IntegrationPattern.REQUEST_RESPONSE),
                    "dynamodb:updateItem", Set.of(IntegrationPattern.REQUEST_RESPONSE),
                    "dynamodb:deleteItem", Set.of(IntegrationPattern.REQUEST_RESPONSE),
                    "events:putEvents",
                            Set.of(
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    IntegrationPattern.WAIT_FOR_TASK_TOKEN),
                    "states:startExecution",
                            Set.of(
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    IntegrationPattern.RUN_JOB,
                                    IntegrationPattern.RUN_JOB_JSON,
                                    IntegrationPattern.WAIT_FOR_TASK_TOKEN),
                    "sns:publish",
                            Set.of(
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    IntegrationPattern.WAIT_FOR_TASK_TOKEN));

    /** The service name of an activity resource ({@code arn:aws:states:<r>:<a>:activity:<n>}). */
    public static final String ACTIVITY = "activity";

    /** True for an activity ARN: a worker polls for the work (GetActivityTask). */
    public boolean activity() {
        return service.equals(ACTIVITY);
    }

    /** Parses a resource; empty when it is not a resource Step Functions recognises. */
    public static Optional<ResourceArn> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String[] parts = raw.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[1].startsWith("aws")) {
            return Optional.empty();
        }
        if (ActivityRegistry.isActivityArn(raw)) {
            return Optional.of(
                    new ResourceArn(
                            raw, ACTIVITY, parts[5], IntegrationPattern.REQUEST_RESPONSE, false));
        }
        if (parts[2].equals("lambda")) {
            return parts[5].startsWith("function:") && parts[5].length() > "function:".length()
                    ? Optional.of(
                            new ResourceArn(
                                    raw,
                                    "lambda",
                                    "invoke",
                                    IntegrationPattern.REQUEST_RESPONSE,
                                    true))
                    : Optional.empty();
        }
        if (!parts[2].equals("states") || !parts[3].isEmpty() || !parts[4].isEmpty()) {
            return Optional.empty();
        }
        String rest = parts[5];
        IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
        for (IntegrationPattern p : IntegrationPattern.values()) {
            if (!p.suffix().isEmpty() && rest.endsWith(p.suffix())) {
                pattern = p;
                rest = rest.substring(0, rest.length() - p.suffix().length());
            }
        }
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String service = rest.substring(0, colon);
        String action = rest.substring(colon + 1);
        if (service.equals("aws-sdk")) {
            return action.contains(":")
                    ? Optional.of(new ResourceArn(raw, service, action, pattern, false))
                    : Optional.empty();
        }
        Set<IntegrationPattern> allowed = OPTIMIZED.get(service + ":" + action);
        if (allowed == null || !allowed.contains(pattern)) {
            return Optional.empty();
        }
        return Optional.of(new ResourceArn(raw, service, action, pattern, false));
    }
}
