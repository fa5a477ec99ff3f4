package dev.orderflow.states.internal.exec;

/**
 * Who an execution is: its ARN and name, its state machine, and the mock-config test case selected
 * by a {@code #TestCase} suffix on the state machine ARN (null when none).
 */
public record ExecutionIdentity(
        StateMachineRef machine, String executionArn, String name, String mockTestCase) {}
