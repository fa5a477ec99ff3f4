package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;

/** One API operation: request body in, response body out, or an {@link ApiException}. */
@FunctionalInterface
public interface Operation {
    ObjectNode invoke(Req request);
}
