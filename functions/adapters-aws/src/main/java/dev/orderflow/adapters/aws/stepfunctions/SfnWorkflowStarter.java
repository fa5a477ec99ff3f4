package dev.orderflow.adapters.aws.stepfunctions;

import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.WorkflowStarter;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts the order saga (a Standard state machine) with the order id as the execution name, which
 * Step Functions keeps unique per state machine for 90 days after the execution closes: that name
 * is what makes a duplicate start harmless. AWS answers a repeated start of a running execution
 * with the same input with that execution (reported here as started), and any other reuse of the
 * name with {@code ExecutionAlreadyExists} (reported as {@link Started#ALREADY}).
 */
public final class SfnWorkflowStarter implements WorkflowStarter {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnWorkflowStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    }

    @Override
    public Started start(OrderId order) {
        try {
            SfnErrors.translate(
                    () ->
                            sfn.startExecution(
                                    s ->
                                            s.stateMachineArn(stateMachineArn)
                                                    .name(order.value())
                                                    .input(inputOf(order))));
            return Started.NOW;
        } catch (ExecutionAlreadyExistsException e) {
            return Started.ALREADY;
        }
    }

    /** The saga's input: {@code {"orderId":"<uuid>"}} (an order id needs no JSON escaping). */
    static String inputOf(OrderId order) {
        return "{\"orderId\":\"" + order.value() + "\"}";
    }
}
