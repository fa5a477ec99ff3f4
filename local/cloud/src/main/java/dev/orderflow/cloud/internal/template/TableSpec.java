package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A DynamoDB table as the template declares it.
 *
 * @param createRequest a DynamoDB {@code CreateTable} request body (keys, GSIs, LSIs, stream)
 * @param ttlAttribute the TTL attribute when TimeToLiveSpecification is enabled
 * @param tags the table's {@code Tags} (a global table's: its first replica's), key to value
 */
public record TableSpec(
        String logicalId,
        String name,
        ObjectNode createRequest,
        Optional<String> ttlAttribute,
        Map<String, String> tags) {
    public TableSpec {
        tags = Map.copyOf(tags);
    }

    /** The tag's value, if the table carries it. */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
