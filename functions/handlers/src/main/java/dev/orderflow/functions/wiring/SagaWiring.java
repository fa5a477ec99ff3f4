package dev.orderflow.functions.wiring;

import dev.orderflow.adapters.aws.dynamodb.DynamoFulfillmentCenters;
import dev.orderflow.adapters.aws.dynamodb.DynamoStockLevels;
import dev.orderflow.adapters.aws.dynamodb.DynamoStockReservations;
import dev.orderflow.adapters.payment.SimulatedPaymentProvider;
import dev.orderflow.domain.fulfillment.ReserveStock;
import dev.orderflow.domain.payment.PaymentProvider;
import dev.orderflow.domain.saga.Compensation;
import dev.orderflow.domain.saga.PaymentStep;
import dev.orderflow.domain.saga.ReserveStep;
import dev.orderflow.domain.saga.ShippingSteps;
import java.time.Clock;

/**
 * The saga steps' use cases over the orders ({@code ORDERS_TABLE}), inventory ({@code
 * INVENTORY_TABLE}) and fulfillment centers ({@code CENTERS_TABLE}) tables and the payment provider
 * named by {@code PAYMENT_PROVIDER}.
 */
public final class SagaWiring {

    /** The only provider orderflow ships; a real one is an adapter behind the same port. */
    static final String SIMULATED = "simulated";

    private SagaWiring() {}

    public static ReserveStep reserveStep() {
        return new ReserveStep(
                new ReserveStock(
                        AwsWiring.orders(),
                        centers(),
                        new DynamoStockLevels(
                                AwsWiring.dynamoDb(), Environment.require("INVENTORY_TABLE")),
                        reservations(),
                        Clock.systemUTC()),
                AwsWiring.orders());
    }

    public static PaymentStep paymentStep() {
        return new PaymentStep(AwsWiring.orders(), paymentProvider(), Clock.systemUTC());
    }

    public static ShippingSteps shippingSteps() {
        return new ShippingSteps(AwsWiring.orders(), centers(), reservations(), Clock.systemUTC());
    }

    public static Compensation compensation() {
        return new Compensation(
                AwsWiring.orders(), paymentProvider(), reservations(), Clock.systemUTC());
    }

    private static DynamoFulfillmentCenters centers() {
        return new DynamoFulfillmentCenters(
                AwsWiring.dynamoDb(), Environment.require("CENTERS_TABLE"));
    }

    private static DynamoStockReservations reservations() {
        return new DynamoStockReservations(
                AwsWiring.dynamoDb(),
                Environment.require("INVENTORY_TABLE"),
                Environment.require("ORDERS_TABLE"));
    }

    private static PaymentProvider paymentProvider() {
        String provider = Environment.optional("PAYMENT_PROVIDER", SIMULATED);
        if (!SIMULATED.equals(provider)) {
            throw new IllegalStateException(
                    "PAYMENT_PROVIDER=" + provider + " is not a provider orderflow knows");
        }
        return new SimulatedPaymentProvider();
    }
}
