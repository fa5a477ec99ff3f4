package dev.orderflow.cloud.cli.simulate;

import java.util.ArrayList;
import java.util.List;

/** The quotas of docs/capacity.md, checked against a sale's rate and simulated table traffic. */
public final class Quotas {

    /**
     * The states one order passes on the happy path of {@code order-fulfillment.asl.json}, with one
     * shipment (each more shipment adds one RequestShipment).
     */
    public static final List<String> HAPPY_PATH_STATES =
            List.of(
                    "RecordExecution",
                    "ReserveStock",
                    "Reserved?",
                    "TakePayment",
                    "Paid?",
                    "HandOverShipments",
                    "HandedOver?",
                    "ShipFromCenters",
                    "RequestShipment",
                    "ConfirmShipped",
                    "Shipped?",
                    "NotifyCustomer");

    static final Quota API_GATEWAY = new Quota("apigw-rps", "API Gateway requests/s", 10_000);
    static final Quota LAMBDA_CONCURRENCY =
            new Quota("lambda-concurrency", "Lambda concurrent executions", 1_000);
    static final Quota LAMBDA_SCALING =
            new Quota(
                    "lambda-scaling-rate",
                    "environments one function gains per 10 s (not adjustable)",
                    1_000);
    static final Quota START_EXECUTION =
            new Quota("sfn-start-execution", "StartExecution refill/s (bucket 1,300)", 300);
    static final Quota STATE_TRANSITIONS =
            new Quota("sfn-state-transitions", "Standard state transitions refill/s", 5_000);
    static final Quota SEND_TASK_SUCCESS =
            new Quota("sfn-send-task-success", "SendTaskSuccess refill/s (bucket 3,000)", 500);
    static final Quota OPEN_EXECUTIONS =
            new Quota("sfn-open-executions", "open Standard executions", 1_000_000);
    static final Quota SQS_MAPPING =
            new Quota("sqs-esm-concurrency", "concurrent batches of one SQS mapping", 1_000);
    static final double TABLE_UNITS = 40_000;

    private Quotas() {}

    /** Every quota with the sale's demand on it. */
    public static List<QuotaCheck> check(FlashSaleResult result) {
        FlashSalePlan plan = result.plan();
        double rate = plan.rate();
        List<QuotaCheck> checks = new ArrayList<>();
        checks.add(new QuotaCheck(API_GATEWAY, rate));
        double concurrency =
                FunctionProfile.ORDER_PATH.stream().mapToDouble(f -> f.concurrency(rate)).sum();
        checks.add(new QuotaCheck(LAMBDA_CONCURRENCY, concurrency));
        double busiest =
                FunctionProfile.ORDER_PATH.stream()
                        .mapToDouble(f -> f.concurrency(rate))
                        .max()
                        .orElse(0);
        checks.add(new QuotaCheck(LAMBDA_SCALING, busiest));
        checks.add(new QuotaCheck(START_EXECUTION, rate));
        checks.add(new QuotaCheck(STATE_TRANSITIONS, rate * HAPPY_PATH_STATES.size()));
        checks.add(new QuotaCheck(SEND_TASK_SUCCESS, rate));
        double open = rate * Math.min(plan.seconds(), Math.max(1, plan.shipAfterSeconds()));
        checks.add(new QuotaCheck(OPEN_EXECUTIONS, open));
        double batches =
                Math.max(
                        FunctionProfile.named("FulfillShipment").concurrency(rate),
                        FunctionProfile.named("NotifyCustomer").concurrency(rate));
        checks.add(new QuotaCheck(SQS_MAPPING, batches));
        for (TableStats table : result.tables()) {
            TableSecond last = table.last();
            String name = "dynamodb-" + last.table();
            checks.add(
                    new QuotaCheck(
                            new Quota(name + "-wru", "on-demand write units/s", TABLE_UNITS),
                            last.writeUnits()));
            checks.add(
                    new QuotaCheck(
                            new Quota(name + "-rru", "on-demand read units/s", TABLE_UNITS),
                            last.readUnits()));
        }
        return checks;
    }
}
