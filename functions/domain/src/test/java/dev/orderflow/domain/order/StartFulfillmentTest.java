package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.testfixtures.InMemoryWorkflowStarter;
import org.junit.jupiter.api.Test;

class StartFulfillmentTest {

    private final InMemoryWorkflowStarter workflows = new InMemoryWorkflowStarter();
    private final StartFulfillment startFulfillment = new StartFulfillment(workflows);

    @Test
    void start_startsOneWorkflowPerOrder() {
        OrderId order = OrderId.random();

        assertThat(startFulfillment.start(order)).isEqualTo(WorkflowStarter.Started.NOW);
        assertThat(workflows.started()).containsExactly(order);
    }

    @Test
    void start_isANoOp_whenTheOrderWasStartedBefore() {
        OrderId order = OrderId.random();
        startFulfillment.start(order);

        assertThat(startFulfillment.start(order)).isEqualTo(WorkflowStarter.Started.ALREADY);
        assertThat(workflows.started()).containsExactly(order);
    }

    @Test
    void start_letsAnUnavailableEngineFail_soTheRecordIsRetried() {
        OrderId order = OrderId.random();
        workflows.unavailableFor(order);

        assertThatThrownBy(() -> startFulfillment.start(order))
                .isInstanceOf(DependencyUnavailable.class);
        assertThat(workflows.started()).isEmpty();
    }
}
