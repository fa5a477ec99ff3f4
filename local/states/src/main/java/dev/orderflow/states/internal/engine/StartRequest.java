package dev.orderflow.states.internal.engine;

import java.util.Optional;

/**
 * What starts an execution. {@code stateMachineArn} may end in {@code #TestCase} (a mock-config
 * test case); without a name a UUID is chosen; without input it is {@code {}}.
 */
public record StartRequest(
        String stateMachineArn, Optional<String> name, Optional<String> input, Origin origin) {
    /** Who asked: the origin decides what is allowed and where the first step runs. */
    public enum Origin {
        /** StartExecution. */
        START_EXECUTION,
        /** StartSyncExecution: EXPRESS state machines only. */
        START_SYNC_EXECUTION,
        /** A {@code states:startExecution} task of a running execution. */
        PARENT_TASK
    }
}
