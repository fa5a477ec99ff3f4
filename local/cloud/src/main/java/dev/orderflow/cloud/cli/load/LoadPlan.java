package dev.orderflow.cloud.cli.load;

import java.time.Duration;

/**
 * What {@code ./orderflow load} is asked to do.
 *
 * @param orders how many orders to place
 * @param concurrency how many clients place them at once
 * @param sku the product every order buys (one unit each)
 * @param address where the orders ship: {@code COUNTRY-REGION}, e.g. {@code DE-BY}
 * @param stockUp units to add through the admin API before the run, at {@code stockCenter}; 0 =
 *     none
 * @param stockCenter the center that receives {@code stockUp}
 * @param deadline how long after the last POST every order must be final
 */
public record LoadPlan(
        int orders,
        int concurrency,
        String sku,
        String address,
        int stockUp,
        String stockCenter,
        Duration deadline) {
    public LoadPlan {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1");
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 1024");
        }
        if (!address.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
            throw new IllegalArgumentException(
                    "--address must look like DE-BY (country and region code)");
        }
        if (stockUp < 0 || stockUp > 1_000_000) {
            throw new IllegalArgumentException("--stock-up must be between 0 and 1000000 units");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("--deadline must be positive");
        }
    }
}
