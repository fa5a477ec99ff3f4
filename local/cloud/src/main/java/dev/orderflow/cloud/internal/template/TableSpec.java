package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A DynamoDB table as the template declares it.
 *
 * @param createRequest a DynamoDB {@code CreateTable} request body (keys, GSIs, LSIs, stream)
 * @param ttlAttribute the TTL attribute when TimeToLiveSpecification is enabled
 */
public record TableSpec(
        String logicalId, String name, ObjectNode createRequest, Optional<String> ttlAttribute) {}
