package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.CENTERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.INVENTORY_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.PRODUCTS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.STATE_MACHINE_ARN;

import dev.orderflow.adapters.aws.dynamodb.DynamoTableProbe;
import dev.orderflow.adapters.aws.stepfunctions.SfnStateMachineProbe;
import dev.orderflow.domain.health.CheckReadiness;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The readiness check's probes: the region's own dependencies that every order needs (the orders,
 * inventory, centers and products tables, and the saga's state machine), over the execution
 * environment's one DynamoDB client ({@link AwsWiring#dynamoDb()}) and Step Functions client
 * ({@link WorkerWiring#stepFunctions()}).
 */
public final class ReadinessWiring {

    private ReadinessWiring() {}

    /** Readiness over the tables and state machine the function's environment names. */
    public static CheckReadiness checkReadiness() {
        Duration limit = CheckReadiness.PROBE_TIME_LIMIT;
        return new CheckReadiness(
                List.of(
                        table("orders", Environment.require(ORDERS_TABLE), limit),
                        table("inventory", Environment.require(INVENTORY_TABLE), limit),
                        table("centers", Environment.require(CENTERS_TABLE), limit),
                        table("products", Environment.require(PRODUCTS_TABLE), limit),
                        new SfnStateMachineProbe(
                                WorkerWiring.stepFunctions(),
                                "saga",
                                Environment.require(STATE_MACHINE_ARN),
                                limit)),
                Clock.systemUTC());
    }

    private static DynamoTableProbe table(String name, String tableName, Duration limit) {
        return new DynamoTableProbe(AwsWiring.dynamoDb(), name, tableName, limit);
    }
}
