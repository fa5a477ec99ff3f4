package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.CENTERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.INVENTORY_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.PAYMENT_PROVIDER;
import static dev.orderflow.functions.wiring.EnvironmentVariable.PAYMENT_SECRET_NAME;

import dev.orderflow.adapters.aws.dynamodb.DynamoFulfillmentCenters;
import dev.orderflow.adapters.aws.dynamodb.DynamoStockLevels;
import dev.orderflow.adapters.aws.dynamodb.DynamoStockReservations;
import dev.orderflow.adapters.aws.dynamodb.LineByLineStockReservations;
import dev.orderflow.adapters.aws.dynamodb.StockConsistency;
import dev.orderflow.adapters.payment.HttpPaymentProvider;
import dev.orderflow.adapters.payment.SimulatedPaymentProvider;
import dev.orderflow.adapters.secrets.SecretsManagerApiAccess;
import dev.orderflow.domain.inventory.AllocationScope;
import dev.orderflow.domain.inventory.ReserveStock;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.payment.PaymentProvider;
import dev.orderflow.domain.saga.Compensation;
import dev.orderflow.domain.saga.PaymentStep;
import dev.orderflow.domain.saga.ReserveStep;
import dev.orderflow.domain.saga.ShippingSteps;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The saga steps' use cases over the orders ({@code ORDERS_TABLE}), inventory ({@code
 * INVENTORY_TABLE}) and fulfillment centers ({@code CENTERS_TABLE}) tables and the payment provider
 * named by {@code PAYMENT_PROVIDER}: {@code simulated} (local runs and tests) or {@code http} (the
 * card-payment API whose base URL and key are in the Secrets Manager secret {@code
 * PAYMENT_SECRET_NAME}).
 */
public final class SagaWiring {

    static final String SIMULATED = "simulated";
    static final String HTTP = "http";

    /**
     * A charge, and the lookup after its timeout, must both fit in the step's 10 s: 3 s each, plus
     * connecting and reading the (cached) secret.
     */
    private static final Duration PAYMENT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration PAYMENT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private SagaWiring() {}

    public static ReserveStep reserveStep() {
        return new ReserveStep(
                new ReserveStock(
                        AwsWiring.orders(),
                        centers(),
                        new DynamoStockLevels(
                                AwsWiring.dynamoDb(), Environment.require(INVENTORY_TABLE)),
                        reservations(),
                        Clock.systemUTC(),
                        allocationScope(AwsWiring.stockConsistency())),
                AwsWiring.orders());
    }

    public static PaymentStep paymentStep() {
        return new PaymentStep(AwsWiring.orders(), paymentProvider(), Clock.systemUTC());
    }

    public static ShippingSteps shippingSteps() {
        return new ShippingSteps(
                AwsWiring.finishingOrders(), centers(), reservations(), Clock.systemUTC());
    }

    public static Compensation compensation() {
        return new Compensation(
                AwsWiring.finishingOrders(), paymentProvider(), reservations(), Clock.systemUTC());
    }

    private static DynamoFulfillmentCenters centers() {
        return new DynamoFulfillmentCenters(
                AwsWiring.dynamoDb(), Environment.require(CENTERS_TABLE));
    }

    /**
     * Under strong stock every region sells every center's units (the table is one, consistent
     * across regions); otherwise a region sells only its own centers' (docs/multi-region.md).
     */
    static AllocationScope allocationScope(StockConsistency consistency) {
        return switch (consistency) {
            case EVENTUAL -> AllocationScope.homedIn(AwsWiring.here());
            case STRONG -> AllocationScope.everyCenter();
        };
    }

    /**
     * Transactional on a regional table; line by line on an MRSC one, which has no transactions.
     */
    private static StockReservations reservations() {
        String inventory = Environment.require(INVENTORY_TABLE);
        String orders = Environment.require(ORDERS_TABLE);
        return switch (AwsWiring.stockConsistency()) {
            case EVENTUAL -> new DynamoStockReservations(AwsWiring.dynamoDb(), inventory, orders);
            case STRONG -> new LineByLineStockReservations(AwsWiring.dynamoDb(), inventory, orders);
        };
    }

    /**
     * Built once per execution environment by each step whose use case holds a provider (payment
     * and compensation); the http one reads its secret on its first charge or refund, after
     * SnapStart's snapshot, never into it.
     */
    private static PaymentProvider paymentProvider() {
        return paymentProvider(
                Environment.require(PAYMENT_PROVIDER),
                () -> Environment.require(PAYMENT_SECRET_NAME));
    }

    /**
     * @param provider {@code PAYMENT_PROVIDER}
     * @param secretName {@code PAYMENT_SECRET_NAME}, read only for the {@code http} provider
     */
    static PaymentProvider paymentProvider(String provider, Supplier<String> secretName) {
        return switch (provider) {
            case SIMULATED -> new SimulatedPaymentProvider();
            case HTTP -> httpPaymentProvider(secretName.get());
            default ->
                    throw new IllegalStateException(
                            PAYMENT_PROVIDER
                                    + "="
                                    + provider
                                    + " is not a payment provider orderflow knows; use "
                                    + SIMULATED
                                    + " or "
                                    + HTTP);
        };
    }

    private static PaymentProvider httpPaymentProvider(String secretName) {
        return HttpPaymentProvider.create(
                SecretsManagerApiAccess.forPayments(AwsWiring.secretsManager(), secretName),
                PAYMENT_CONNECT_TIMEOUT,
                PAYMENT_REQUEST_TIMEOUT);
    }
}
