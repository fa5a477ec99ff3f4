package dev.orderflow.cloud.cli.simulate;

import java.util.Comparator;
import java.util.List;

/**
 * What the simulated sale did to the tables.
 *
 * @param plan the sale
 * @param orders orders placed
 * @param stockEnvironments ReserveStock execution environments that cached stock levels
 * @param tables each table's traffic, in {@link SaleTables#all()} order
 */
public record FlashSaleResult(
        FlashSalePlan plan, long orders, int stockEnvironments, List<TableStats> tables) {

    public FlashSaleResult {
        tables = List.copyOf(tables);
    }

    /** The table whose busiest partition carries the most writes in the sale's last second. */
    public TableStats hottestByWrites() {
        return tables.stream()
                .max(Comparator.comparingDouble(t -> t.last().hottestWriteShare()))
                .orElseThrow();
    }

    /** The named table's traffic. */
    public TableStats table(String name) {
        return tables.stream()
                .filter(t -> t.last().table().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }
}
