package dev.orderflow.adapters.aws.stepfunctions;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.model.ExecutionLimitExceededException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Translates Step Functions SDK failures into domain failures at the adapter boundary. */
final class SfnErrors {

    private SfnErrors() {}

    /**
     * Runs a call; throttling, the open-executions limit, 5xx and I/O failures become {@link
     * DependencyUnavailable}. Other service errors (a wrong ARN, a malformed request) are bugs and
     * stay as they are.
     */
    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (ExecutionLimitExceededException e) {
            throw new DependencyUnavailable("workflow engine", e);
        } catch (SfnException e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new DependencyUnavailable("workflow engine", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new DependencyUnavailable("workflow engine", e);
        }
    }
}
