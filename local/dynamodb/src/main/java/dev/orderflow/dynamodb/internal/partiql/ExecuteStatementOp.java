package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Req;

/**
 * ExecuteStatement (API reference): one PartiQL statement with its Parameters; a SELECT pages with
 * Limit and NextToken, a write answers its RETURNING item.
 */
final class ExecuteStatementOp {
    private final StatementRunner runner;

    ExecuteStatementOp(StatementRunner runner) {
        this.runner = runner;
    }

    ObjectNode invoke(Req r) {
        Pql.Statement s = StatementRunner.parse(r);
        String capacity = r.string("ReturnConsumedCapacity");
        if (s instanceof Pql.Select select) {
            SelectRunner.Options options =
                    new SelectRunner.Options(
                            r.has("ConsistentRead") ? r.bool("ConsistentRead", false) : null,
                            r.integer("Limit"),
                            r.string("NextToken"),
                            capacity,
                            NextToken.statementHash(
                                    r.string("Statement"), r.node().get("Parameters")));
            return runner.select(select, options);
        }
        return runner.write(s, r.string("ReturnValuesOnConditionCheckFailure"), capacity);
    }
}
