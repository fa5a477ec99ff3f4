package dev.orderflow.states.bench;

import dev.orderflow.states.ExecutionDescription;
import dev.orderflow.states.ExecutionStatus;
import dev.orderflow.states.StateMachineType;
import dev.orderflow.states.StepFunctionsEngine;
import dev.orderflow.states.spi.TaskOutcome;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * Throughput and memory benchmark (a main, not a test). Run after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.orderflow.states.bench.StatesBenchmark
 * </pre>
 *
 * It measures, on the real clock with worker threads: (1) one execution of a Pass/Choice loop of
 * 20,000 state transitions; (2) one Map over 10,000 items; (3) heap retained per execution parked
 * on a task token, over 100,000 executions.
 */
public final class StatesBenchmark {
    private static final String ROLE = "arn:aws:iam::123456789012:role/bench";

    private StatesBenchmark() {}

    public static void main(String[] args) {
        int loop = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int parked = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (StepFunctionsEngine engine =
                StepFunctionsEngine.builder()
                        .taskInvoker(r -> TaskOutcome.success(r.parameters()))
                        .build()) {
            for (int round = 0; round < 3; round++) {
                report(
                        "pass/choice loop",
                        loop * 2 + 1,
                        run(engine, loopMachine(), "{\"i\":0,\"n\":" + loop + "}", "loop" + round));
                report(
                        "map " + items + " items",
                        items + 2,
                        run(engine, MAP, itemsInput(items), "map" + round));
            }
            parked(engine, parked);
        }
    }

    private static String loopMachine() {
        return """
                {"StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Inc"}], "Default": "Done"},
                  "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)", "n.$": "$.n"}, "Next": "Check"},
                  "Done": {"Type": "Succeed"}}}
                """;
    }

    private static final String MAP =
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 0, "ResultPath": null, "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"v.$": "$.i"}, "End": true}}}}}}
            """;

    private static String itemsInput(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
        }
        return sb.append(']').toString();
    }

    private static long run(
            StepFunctionsEngine engine, String definition, String input, String name) {
        String arn =
                engine.createStateMachine(name, definition, ROLE, StateMachineType.STANDARD)
                        .stateMachineArn();
        long t0 = System.nanoTime();
        String exec =
                engine.startExecution(arn, Optional.empty(), Optional.of(input)).executionArn();
        ExecutionDescription d = engine.awaitExecution(exec, Duration.ofMinutes(5));
        long elapsed = System.nanoTime() - t0;
        if (d.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(
                    name + " ended " + d.status() + " " + d.error() + " " + d.cause());
        }
        return elapsed;
    }

    private static void report(String what, long states, long nanos) {
        System.out.printf(
                "%-22s %8d states in %7.1f ms = %,10.0f states/s%n",
                what, states, nanos / 1e6, states / (nanos / 1e9));
    }

    private static void parked(StepFunctionsEngine engine, int count) {
        String arn =
                engine.createStateMachine(
                                "parked",
                                """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}}, "End": true}}}
                """,
                                ROLE,
                                StateMachineType.STANDARD)
                        .stateMachineArn();
        long before = usedHeap();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            engine.startExecution(
                    arn, Optional.of("p" + i), Optional.of("{\"order\":\"o-" + i + "\"}"));
        }
        while (engine.openTaskTokens() < count) {
            Thread.onSpinWait();
        }
        long elapsed = System.nanoTime() - t0;
        long after = usedHeap();
        System.out.printf(
                "parked %,d executions in %.1f s; retained heap %,d bytes = %,.0f bytes/execution%n",
                count, elapsed / 1e9, after - before, (after - before) / (double) count);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
