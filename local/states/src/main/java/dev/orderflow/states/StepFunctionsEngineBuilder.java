package dev.orderflow.states;

import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.spi.TaskInvoker;
import java.nio.file.Path;

/** Configures a {@link StepFunctionsEngine}. */
public final class StepFunctionsEngineBuilder {
    // Package-private: the engine's constructor reads them once, as it wires itself.
    StatesClock clock = StatesClock.system();
    TaskInvoker invoker = TaskInvoker.none();
    Path mockConfig;
    String region = "us-east-1";
    String account = "123456789012";
    Long seed;
    Path dataDir;
    java.time.Duration activityPollTimeout = java.time.Duration.ofSeconds(60);
    int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    StepFunctionsEngineBuilder() {}

    /** The clock (default: system time). */
    public StepFunctionsEngineBuilder clock(StatesClock value) {
        this.clock = value;
        return this;
    }

    /** The task invoker (default: {@link TaskInvoker#none()}). */
    public StepFunctionsEngineBuilder taskInvoker(TaskInvoker value) {
        this.invoker = value;
        return this;
    }

    /** A Step Functions Local mock configuration file. */
    public StepFunctionsEngineBuilder mockConfig(Path value) {
        this.mockConfig = value;
        return this;
    }

    /** Region used in ARNs (default us-east-1). */
    public StepFunctionsEngineBuilder region(String value) {
        this.region = value;
        return this;
    }

    /** Account id used in ARNs (default 123456789012). */
    public StepFunctionsEngineBuilder account(String value) {
        this.account = value;
        return this;
    }

    /**
     * Keeps state machines and executions in {@code dir} (an append-only journal): they survive a
     * restart, and RUNNING executions continue after {@link
     * StepFunctionsEngine#resumeExecutions()}.
     */
    public StepFunctionsEngineBuilder dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /** Seeds UUIDs, tokens, $random and jitter for reproducible runs. */
    public StepFunctionsEngineBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * How long GetActivityTask waits for a task before answering with none (default 60 s, as AWS);
     * shorter in tests.
     */
    public StepFunctionsEngineBuilder activityPollTimeout(java.time.Duration value) {
        this.activityPollTimeout = value;
        return this;
    }

    /** Worker threads for executions and blocking task calls (real-time mode). */
    public StepFunctionsEngineBuilder workerThreads(int value) {
        this.workerThreads = value;
        return this;
    }

    /** Builds the engine. @throws IllegalArgumentException when the mock config is invalid */
    public StepFunctionsEngine build() {
        return new StepFunctionsEngine(this);
    }
}
