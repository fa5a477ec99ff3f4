package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.jsonata.JsonataEvaluator;
import dev.orderflow.states.internal.maprun.MapRunRegistry;
import dev.orderflow.states.internal.templates.PayloadTemplate;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * Everything a running execution needs from the engine: time, randomness, evaluators, the task
 * gateway, the state kinds, the worker pool (null in inline mode) and the Map Runs.
 */
public record EngineServices(
        StatesClock clock,
        Random random,
        IntrinsicFunctions intrinsics,
        PayloadTemplate templates,
        JsonataEvaluator jsonata,
        TaskGateway tasks,
        StateKinds kinds,
        Executor workers,
        String region,
        String account,
        ExecutionJournal journal,
        MapRunRegistry mapRuns) {}
