package dev.orderflow.cloud.internal.template;

import java.util.Map;

/**
 * An SQS queue as the template declares it.
 *
 * @param attributes SQS CreateQueue attributes (VisibilityTimeout, RedrivePolicy as JSON, ...)
 */
public record QueueSpec(String logicalId, String name, Map<String, String> attributes) {
    public QueueSpec {
        attributes = Map.copyOf(attributes);
    }
}
