package dev.orderflow.adapters.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.WorkflowStarter.Started;
import dev.orderflow.domain.shipping.TaskToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** Starting the saga through the real SDK against the project's Step Functions engine. */
class SfnWorkflowStarterIT {

    private static final LocalStepFunctions LOCAL = new LocalStepFunctions();

    @AfterAll
    static void stop() {
        LOCAL.close();
    }

    private static String executionArn(String machine, OrderId order) {
        return machine.replace(":stateMachine:", ":execution:") + ":" + order;
    }

    @Test
    void start_namesTheExecutionAfterTheOrder_andPassesTheOrderId() {
        String machine = LOCAL.createFulfillmentStep(60, 300);
        OrderId order = OrderId.random();

        assertThat(new SfnWorkflowStarter(LOCAL.sfn, machine).start(order)).isEqualTo(Started.NOW);

        DescribeExecutionResponse execution =
                LOCAL.sfn.describeExecution(d -> d.executionArn(executionArn(machine, order)));
        assertThat(execution.name()).isEqualTo(order.value());
        assertThat(execution.input()).isEqualTo("{\"orderId\":\"" + order + "\"}");
    }

    @Test
    void start_again_whileRunning_startsNothingNew() {
        String machine = LOCAL.createFulfillmentStep(60, 300);
        SfnWorkflowStarter starter = new SfnWorkflowStarter(LOCAL.sfn, machine);
        OrderId order = OrderId.random();
        starter.start(order);

        starter.start(order);

        assertThat(LOCAL.sfn.listExecutions(l -> l.stateMachineArn(machine)).executions())
                .extracting(ExecutionListItem::name)
                .containsExactly(order.value());
    }

    @Test
    void start_again_afterTheExecutionClosed_isAlreadyStarted() {
        String machine = LOCAL.createFulfillmentStep(60, 300);
        SfnWorkflowStarter starter = new SfnWorkflowStarter(LOCAL.sfn, machine);
        OrderId order = OrderId.random();
        starter.start(order);
        String execution = executionArn(machine, order);
        new SfnTaskTokens(LOCAL.sfn).heartbeat(new TaskToken(LOCAL.tokenOf(execution)));
        LOCAL.sfn.stopExecution(s -> s.executionArn(execution));

        assertThat(starter.start(order)).isEqualTo(Started.ALREADY);
        assertThat(LOCAL.sfn.listExecutions(l -> l.stateMachineArn(machine)).executions())
                .hasSize(1);
    }
}
