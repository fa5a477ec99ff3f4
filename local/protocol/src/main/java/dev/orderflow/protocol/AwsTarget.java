package dev.orderflow.protocol;

import java.util.Optional;

/**
 * The {@code X-Amz-Target} of an AWS JSON request: {@code DynamoDB_20120810.GetItem} names the
 * service's prefix and the operation.
 */
public record AwsTarget(String prefix, String operation) {

    /** The target, when the header has the form {@code Prefix.Operation}. */
    public static Optional<AwsTarget> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int dot = header.indexOf('.');
        if (dot <= 0 || dot == header.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new AwsTarget(header.substring(0, dot), header.substring(dot + 1)));
    }
}
