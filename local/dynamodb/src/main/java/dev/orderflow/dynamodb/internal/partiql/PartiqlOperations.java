package dev.orderflow.dynamodb.internal.partiql;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Operation;

/**
 * The three PartiQL operations of one engine; they share one statement runner, which calls the
 * engine's own operations.
 */
public final class PartiqlOperations {
    private final OperationCaller caller;
    private final StatementRunner runner;

    public PartiqlOperations(Engine engine) {
        this.caller = new OperationCaller(engine);
        this.runner = new StatementRunner(caller);
    }

    public Operation executeStatement() {
        return new ExecuteStatementOp(runner)::invoke;
    }

    public Operation batchExecuteStatement() {
        return new BatchExecuteStatementOp(runner)::invoke;
    }

    public Operation executeTransaction() {
        return new ExecuteTransactionOp(caller)::invoke;
    }
}
