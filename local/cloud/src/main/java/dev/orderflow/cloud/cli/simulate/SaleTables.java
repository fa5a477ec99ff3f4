package dev.orderflow.cloud.cli.simulate;

import java.util.List;

/** The stack's tables and indexes ({@code DataTables}), each as partitions. */
record SaleTables(
        SimulatedTable orders,
        SimulatedTable ordersByCustomer,
        SimulatedTable ordersByStatus,
        SimulatedTable inventory,
        SimulatedTable products,
        SimulatedTable centers,
        SimulatedTable idempotency) {

    static SaleTables create(FlashSalePlan plan) {
        PartitionLimits limits = PartitionLimits.dynamoDb(plan.splitAfterSeconds());
        int p = plan.initialPartitions();
        return new SaleTables(
                new SimulatedTable("orders", p, limits),
                new SimulatedTable("orders.byCustomer", p, limits),
                new SimulatedTable("orders.byStatus", p, limits),
                new SimulatedTable("inventory", p, limits),
                new SimulatedTable("products", p, limits),
                new SimulatedTable("centers", p, limits),
                new SimulatedTable("idempotency", p, limits));
    }

    List<SimulatedTable> all() {
        return List.of(
                orders,
                ordersByCustomer,
                ordersByStatus,
                inventory,
                products,
                centers,
                idempotency);
    }
}
