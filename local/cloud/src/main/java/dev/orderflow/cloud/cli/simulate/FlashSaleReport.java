package dev.orderflow.cloud.cli.simulate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a simulated sale: partitions per table, quotas, and the summary line last. */
public final class FlashSaleReport {

    private final PrintStream out;

    public FlashSaleReport(PrintStream out) {
        this.out = out;
    }

    public void print(FlashSaleResult result) {
        FlashSalePlan p = result.plan();
        line(
                "flash sale: %,d orders/s for %d s, %.0f%% for %s over %d shard(s), %,d other"
                        + " products, %d centers, ship after %d s, seed %d",
                p.rate(),
                p.seconds(),
                p.hotShare() * 100,
                FlashSale.HOT_SKU,
                p.shards(),
                p.products(),
                p.centers(),
                p.shipAfterSeconds(),
                p.seed());
        line(
                "orders: %,d; ReserveStock environments caching stock levels: %,d",
                result.orders(), result.stockEnvironments());
        line("");
        line(
                "DynamoDB partitions (MD5 of the partition key stands in for DynamoDB's unpublished"
                        + " hash; limits 1,000 WCU and 3,000 RCU per partition)");
        line(
                "  %-18s %10s %9s %9s %9s %9s %10s %10s %12s",
                "table",
                "partitions",
                "write%",
                "read%",
                "peakW%",
                "peakR%",
                "WRU/s",
                "RRU/s",
                "throttled");
        for (TableStats t : result.tables()) {
            TableSecond last = t.last();
            line(
                    "  %-18s %10d %9.0f %9.0f %9.0f %9.0f %,10.0f %,10.0f %,12.0f",
                    last.table(),
                    last.partitions(),
                    last.hottestWriteShare() * 100,
                    last.hottestReadShare() * 100,
                    t.peakWriteShare() * 100,
                    t.peakReadShare() * 100,
                    last.writeUnits(),
                    last.readUnits(),
                    t.throttled());
        }
        line(
                "  (write%%/read%%: busiest partition in the last second, after splits; peak: any"
                        + " second)");
        perOrder(result);
        line("");
        List<QuotaCheck> checks = Quotas.check(result);
        line("quotas (defaults of the large regions; see docs/capacity.md)");
        line("  %-30s %14s %12s %8s", "quota", "demand", "default", "use%");
        for (QuotaCheck c : checks) {
            line(
                    "  %-30s %,14.0f %,12.0f %8.0f%s",
                    c.quota().name(),
                    c.demand(),
                    c.quota().limit(),
                    c.share() * 100,
                    c.reached() ? "  REACHED" : "");
        }
        String over =
                checks.stream()
                        .filter(QuotaCheck::reached)
                        .map(c -> c.quota().name())
                        .collect(Collectors.joining(","));
        line(
                "hottest partition: %d%% of its write limit; quotas over default: %s",
                Math.round(result.hottestByWrites().last().hottestWriteShare() * 100),
                over.isEmpty() ? "none" : over);
    }

    private void perOrder(FlashSaleResult result) {
        double writes = result.tables().stream().mapToDouble(TableStats::writeUnits).sum();
        double reads = result.tables().stream().mapToDouble(TableStats::readUnits).sum();
        line(
                "per order (all tables and indexes, whole sale): %.2f write units, %.2f read units",
                writes / result.orders(), reads / result.orders());
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
