package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Translates DynamoDB SDK failures into domain failures at the adapter boundary. */
final class DynamoErrors {

    private DynamoErrors() {}

    /**
     * Runs a call; throttling, 5xx and I/O failures become {@link DependencyUnavailable}. Other
     * service errors (a missing table, a malformed request) are bugs and stay as they are.
     */
    static <T> T translate(String dependency, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new DependencyUnavailable(dependency, e);
        } catch (DynamoDbException e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new DependencyUnavailable(dependency, e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new DependencyUnavailable(dependency, e);
        }
    }
}
