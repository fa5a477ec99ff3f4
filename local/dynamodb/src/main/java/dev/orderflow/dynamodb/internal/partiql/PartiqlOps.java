package dev.orderflow.dynamodb.internal.partiql;

import dev.orderflow.dynamodb.internal.Engine;

/** Registers the three PartiQL operations with the engine. */
public final class PartiqlOps {
    private PartiqlOps() {}

    /** Registers ExecuteStatement, BatchExecuteStatement and ExecuteTransaction with the engine. */
    public static void register(Engine engine) {
        OperationCaller caller = new OperationCaller(engine);
        StatementRunner runner = new StatementRunner(caller);
        engine.register("ExecuteStatement", new ExecuteStatementOp(runner)::invoke);
        engine.register("BatchExecuteStatement", new BatchExecuteStatementOp(runner)::invoke);
        engine.register("ExecuteTransaction", new ExecuteTransactionOp(caller)::invoke);
    }
}
