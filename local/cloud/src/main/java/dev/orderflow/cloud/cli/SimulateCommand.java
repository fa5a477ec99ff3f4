package dev.orderflow.cloud.cli;

import dev.orderflow.cloud.cli.simulate.FlashSale;
import dev.orderflow.cloud.cli.simulate.FlashSalePlan;
import dev.orderflow.cloud.cli.simulate.FlashSaleReport;
import java.io.PrintStream;

/**
 * {@code ./orderflow simulate flash-sale}: the capacity model of docs/capacity.md run second by
 * second; needs no running stack.
 */
final class SimulateCommand {

    private final PrintStream out;

    SimulateCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options o) {
        String what = o.word(1, "what to simulate (flash-sale)");
        if (!what.equals("flash-sale")) {
            throw new IllegalArgumentException("unknown simulation " + what + " (flash-sale)");
        }
        FlashSalePlan d = FlashSalePlan.defaults();
        FlashSalePlan plan =
                new FlashSalePlan(
                        o.wholeNumber("rate", d.rate()),
                        fraction(o, "hot-share", d.hotShare()),
                        o.wholeNumber("shards", d.shards()),
                        o.wholeNumber("seconds", d.seconds()),
                        o.wholeNumber("products", d.products()),
                        o.wholeNumber("centers", d.centers()),
                        o.wholeNumber("customers", d.customers()),
                        o.wholeNumber("status-shards", d.statusShards()),
                        o.wholeNumber("ship-after", d.shipAfterSeconds()),
                        o.wholeNumber("split-after", d.splitAfterSeconds()),
                        o.wholeNumber("initial-partitions", d.initialPartitions()),
                        o.get("seed").map(SimulateCommand::seed).orElse(d.seed()));
        new FlashSaleReport(out).print(new FlashSale(plan).run());
        return 0;
    }

    private static double fraction(Options o, String key, double defaultValue) {
        String v = o.get(key).orElse(null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, not " + v);
        }
    }

    private static long seed(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, not " + v);
        }
    }
}
