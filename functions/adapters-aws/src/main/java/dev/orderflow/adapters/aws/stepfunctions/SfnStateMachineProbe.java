package dev.orderflow.adapters.aws.stepfunctions;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.health.DependencyProbe;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;

/**
 * Whether the saga's state machine can take new orders: DescribeStateMachine answers (Step
 * Functions is reachable in this region and this role may describe it) and its status is {@code
 * ACTIVE} (not {@code DELETING}).
 */
public final class SfnStateMachineProbe implements DependencyProbe {

    private final SfnClient sfn;
    private final String name;
    private final String stateMachineArn;
    private final Duration callTimeout;

    /**
     * @param name the dependency's name in the readiness report, e.g. {@code saga}
     * @param callTimeout the SDK call's own limit, retries included
     */
    public SfnStateMachineProbe(
            SfnClient sfn, String name, String stateMachineArn, Duration callTimeout) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.name = Objects.requireNonNull(name, "name");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void check() {
        StateMachineStatus status;
        try {
            status =
                    sfn.describeStateMachine(
                                    d ->
                                            d.stateMachineArn(stateMachineArn)
                                                    .overrideConfiguration(
                                                            o -> o.apiCallTimeout(callTimeout)))
                            .status();
        } catch (StateMachineDoesNotExistException e) {
            throw new DependencyUnavailable("state machine " + stateMachineArn + " (not found)", e);
        } catch (SdkException e) {
            throw new DependencyUnavailable("state machine " + stateMachineArn, e);
        }
        if (status != StateMachineStatus.ACTIVE) {
            throw new DependencyUnavailable(
                    "state machine " + stateMachineArn + " (" + status + ")", null);
        }
    }
}
