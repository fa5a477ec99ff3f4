package dev.orderflow.cloud.cli.simulate;

import java.util.List;

/**
 * A Lambda function of the stack as one order uses it: how many invocations per order (a batch of
 * 25 stream records is 1/25) and how long one invocation runs. The durations are assumptions (warm,
 * SnapStart, 1,024 MB as {@code ServiceFunction} configures every function), not measurements.
 *
 * @param name the function's name in {@code functions/function-catalog.json}
 * @param invocationsPerOrder invocations per order on the happy path
 * @param seconds duration of one invocation
 */
public record FunctionProfile(String name, double invocationsPerOrder, double seconds) {

    /** Memory of every function ({@code ServiceFunction}: 1,024 MB). */
    public static final double MEMORY_GB = 1.0;

    /** The functions one order runs through, with assumed durations. */
    public static final List<FunctionProfile> ORDER_PATH =
            List.of(
                    new FunctionProfile("PlaceOrder", 1, 0.060),
                    // stream batches of 25 (FulfillmentWorkers.STREAM_BATCH_SIZE), 20 ms per start
                    new FunctionProfile("StartFulfillment", 1.0 / 25, 0.500),
                    new FunctionProfile("ReserveStock", 1, 0.080),
                    // waits on the payment provider
                    new FunctionProfile("TakePayment", 1, 0.300),
                    new FunctionProfile("HandOverShipments", 1, 0.050),
                    // SQS batches of 10 (QUEUE_BATCH_SIZE), 100 ms per message
                    new FunctionProfile("FulfillShipment", 1.0 / 10, 1.000),
                    new FunctionProfile("ConfirmShipped", 1, 0.060),
                    new FunctionProfile("NotifyCustomer", 1.0 / 10, 1.000));

    /** Execution environments the function keeps busy at {@code rate} orders per second. */
    public double concurrency(double rate) {
        return rate * invocationsPerOrder * seconds;
    }

    /** The profile of the named function. */
    public static FunctionProfile named(String name) {
        return ORDER_PATH.stream()
                .filter(f -> f.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + name));
    }
}
