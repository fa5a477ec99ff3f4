package dev.orderflow.states.bench;

import dev.orderflow.states.StepFunctionsEngine;
import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.spi.TaskInvoker;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Throughput and memory benchmark (a main, not a test); {@code bench/peer-bench.mjs} runs the same
 * workloads on aws-local-stepfunctions and {@code bench/vs-peer.sh} runs both. On the real clock
 * with worker threads, each run on a fresh engine:
 *
 * <ol>
 *   <li>{@code loop}: one execution of a Pass/Choice loop ({@code 2 * loop + 1} states);
 *   <li>{@code map}: one Map over {@code items} items, one Pass per item;
 *   <li>{@code small-seq}: {@code small} executions of five states with one mocked Task, each
 *       started when the previous one has ended;
 *   <li>{@code small-burst}: the same executions all started at once, then awaited;
 *   <li>{@code parked}: heap retained per execution parked on a task token (once, at the end).
 * </ol>
 *
 * <p>Each workload runs {@code --warmup} unmeasured times, then {@code --rounds} measured times;
 * the last line per workload is {@code RESULT <name> <median> <min> <max>} in states/s.
 */
public final class StatesBenchmark {
    private static final String ROLE = "arn:aws:iam::123456789012:role/bench";

    private static final String LOOP =
            """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Inc"}], "Default": "Done"},
              "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)", "n.$": "$.n"}, "Next": "Check"},
              "Done": {"Type": "Succeed"}}}
            """;

    private static final String MAP =
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 0, "ResultPath": null, "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"v.$": "$.i"}, "End": true}}}}}}
            """;

    /** Five states per execution: Pass, Task (mocked), Choice, Pass, Succeed. */
    static final String SMALL =
            """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order", "qty": 2}, "Next": "Charge"},
              "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "ResultPath": "$.charge", "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.qty", "NumericGreaterThan": 0, "Next": "Ship"}], "Default": "Reject"},
              "Ship": {"Type": "Pass", "Result": "shipped", "ResultPath": "$.status", "Next": "Done"},
              "Reject": {"Type": "Fail", "Error": "Rejected"},
              "Done": {"Type": "Succeed"}}}
            """;

    private static final String PARKED =
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}}, "End": true}}}
            """;

    /** A mocked task: answers its parameters at once, on the calling thread. */
    private static final TaskInvoker MOCK =
            new TaskInvoker() {
                @Override
                public TaskOutcome invoke(TaskRequest request) {
                    return TaskOutcome.success(request.parameters());
                }

                @Override
                public CompletionStage<TaskOutcome> invokeAsync(
                        TaskRequest request, Executor blockingCalls) {
                    return CompletableFuture.completedFuture(invoke(request));
                }
            };

    private StatesBenchmark() {}

    /** One measured workload: runs once, returns the states per second. */
    @FunctionalInterface
    private interface Workload {
        double run(StepFunctionsEngine engine);
    }

    public static void main(String[] args) {
        int rounds = intArg(args, "--rounds", 5);
        int warmup = intArg(args, "--warmup", 5);
        int loop = intArg(args, "--loop", 10_000);
        int items = intArg(args, "--items", 10_000);
        int small = intArg(args, "--small", 10_000);
        int parked = intArg(args, "--parked", 100_000);
        List<String> only =
                Arrays.asList(strArg(args, "--only", "loop,map,seq,burst,parked").split(","));
        String itemsInput = itemsInput(items);
        if (only.contains("loop")) {
            measure(
                    "loop",
                    warmup,
                    rounds,
                    e -> rate(2L * loop + 1, run(e, LOOP, "{\"i\":0,\"n\":" + loop + "}")));
        }
        if (only.contains("map")) {
            measure("map", warmup, rounds, e -> rate(items + 2L, run(e, MAP, itemsInput)));
        }
        if (only.contains("seq")) {
            measure("small-seq", warmup, rounds, e -> rate(5L * small, sequential(e, small)));
        }
        if (only.contains("burst")) {
            measure("small-burst", warmup, rounds, e -> rate(5L * small, burst(e, small)));
        }
        if (only.contains("parked")) {
            java.util.concurrent.atomic.AtomicInteger asked =
                    new java.util.concurrent.atomic.AtomicInteger();
            try (StepFunctionsEngine engine =
                    StepFunctionsEngine.builder().taskInvoker(counting(asked)).build()) {
                parked(engine, asked, parked);
                if (Arrays.asList(args).contains("--histogram")) {
                    histogram();
                }
            }
        }
    }

    /**
     * The mock that also counts the tasks it was asked to send: a callback task's token is open
     * from then on, so the count is the number of parked executions.
     */
    private static TaskInvoker counting(java.util.concurrent.atomic.AtomicInteger asked) {
        return new TaskInvoker() {
            @Override
            public TaskOutcome invoke(TaskRequest request) {
                asked.incrementAndGet();
                return MOCK.invoke(request);
            }

            @Override
            public CompletionStage<TaskOutcome> invokeAsync(
                    TaskRequest request, Executor blockingCalls) {
                return CompletableFuture.completedFuture(invoke(request));
            }
        };
    }

    private static StepFunctionsEngine engine() {
        return StepFunctionsEngine.builder().taskInvoker(MOCK).build();
    }

    private static void measure(String name, int warmup, int rounds, Workload w) {
        for (int i = 0; i < warmup; i++) {
            try (StepFunctionsEngine engine = engine()) {
                w.run(engine);
            }
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            try (StepFunctionsEngine engine = engine()) {
                rates[i] = w.run(engine);
            }
            System.out.printf("%-12s round %d: %,12.0f states/s%n", name, i + 1, rates[i]);
        }
        Arrays.sort(rates);
        System.out.printf(
                "RESULT %s %.0f %.0f %.0f%n", name, rates[rounds / 2], rates[0], rates[rounds - 1]);
    }

    private static double rate(long states, long nanos) {
        return states / (nanos / 1e9);
    }

    private static String create(StepFunctionsEngine engine, String name, String definition) {
        return engine.createStateMachine(name, definition, ROLE, StateMachineType.STANDARD)
                .stateMachineArn();
    }

    private static long run(StepFunctionsEngine engine, String definition, String input) {
        String arn = create(engine, "one", definition);
        long t0 = System.nanoTime();
        String exec =
                engine.startExecution(arn, Optional.empty(), Optional.of(input)).executionArn();
        check(engine.awaitExecution(exec, Duration.ofMinutes(5)));
        return System.nanoTime() - t0;
    }

    private static long sequential(StepFunctionsEngine engine, int count) {
        String arn = create(engine, "small", SMALL);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String exec =
                    engine.startExecution(
                                    arn,
                                    Optional.empty(),
                                    Optional.of("{\"order\":\"o-" + i + "\"}"))
                            .executionArn();
            check(engine.awaitExecution(exec, Duration.ofMinutes(1)));
        }
        return System.nanoTime() - t0;
    }

    private static long burst(StepFunctionsEngine engine, int count) {
        String arn = create(engine, "small", SMALL);
        List<String> execs = new ArrayList<>(count);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            execs.add(
                    engine.startExecution(
                                    arn,
                                    Optional.empty(),
                                    Optional.of("{\"order\":\"o-" + i + "\"}"))
                            .executionArn());
        }
        for (String exec : execs) {
            check(engine.awaitExecution(exec, Duration.ofMinutes(1)));
        }
        return System.nanoTime() - t0;
    }

    private static void check(ExecutionDescription d) {
        if (d.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException(
                    d.executionArn() + " ended " + d.status() + " " + d.error() + " " + d.cause());
        }
    }

    private static String itemsInput(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
        }
        return sb.append(']').toString();
    }

    private static void parked(
            StepFunctionsEngine engine,
            java.util.concurrent.atomic.AtomicInteger asked,
            int count) {
        String arn = create(engine, "parked", PARKED);
        long before = usedHeap();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            engine.startExecution(
                    arn, Optional.of("p" + i), Optional.of("{\"order\":\"o-" + i + "\"}"));
        }
        while (asked.get() < count) {
            Thread.onSpinWait();
        }
        long elapsed = System.nanoTime() - t0;
        long after = usedHeap();
        System.out.printf(
                "parked %,d executions in %.1f s; retained heap %,d bytes = %,.0f bytes/execution%n",
                count, elapsed / 1e9, after - before, (after - before) / (double) count);
        System.out.printf("RESULT parked-bytes %.0f%n", (after - before) / (double) count);
    }

    /** The top of the live-object class histogram (what the parked executions hold). */
    private static void histogram() {
        try {
            Object out =
                    ManagementFactory.getPlatformMBeanServer()
                            .invoke(
                                    new javax.management.ObjectName(
                                            "com.sun.management:type=DiagnosticCommand"),
                                    "gcClassHistogram",
                                    new Object[] {new String[0]},
                                    new String[] {String[].class.getName()});
            String.valueOf(out).lines().limit(30).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = strArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String strArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
