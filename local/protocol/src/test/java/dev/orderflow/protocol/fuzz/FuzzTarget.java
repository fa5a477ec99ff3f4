package dev.orderflow.protocol.fuzz;

import java.util.List;
import java.util.Map;

/**
 * What the generator needs to know of a service: its target prefix and one valid request body per
 * operation (the starting point of each mutation), plus strings that are hostile to this service in
 * particular (deeply nested expressions, for example).
 *
 * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code DynamoDB_20120810}
 * @param signingName the service name in the SigV4 credential scope
 * @param maxBody the largest body the server reads
 * @param validRequests operation name to a valid JSON request body
 * @param hostileStrings strings placed into string fields
 */
public record FuzzTarget(
        String targetPrefix,
        String signingName,
        int maxBody,
        Map<String, String> validRequests,
        List<String> hostileStrings) {

    public FuzzTarget {
        validRequests = Map.copyOf(validRequests);
        hostileStrings = List.copyOf(hostileStrings);
    }
}
