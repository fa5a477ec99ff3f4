package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.config.Adapters;
import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order saga's step functions, which the state machine invokes through their {@code live}
 * aliases. Each may do exactly what its step does to the tables.
 */
public final class SagaSteps {

    /**
     * The actions that read an order and write its next version: one transaction of an UpdateItem
     * on the order and a PutItem of its trail event (a new array each call).
     */
    public static String[] orderWrites() {
        return new String[] {"dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"};
    }

    private SagaSteps() {}

    /**
     * Creates the steps.
     *
     * @return each step function by the name the definition's {@code ${<name>FunctionArn}}
     *     placeholder uses
     */
    public static Map<String, ServiceFunction> wire(
            Functions functions, DataTables tables, Adapters adapters) {
        // Every step whose use case holds a payment provider (the compensation's release and close
        // share the refund's) is told which one (function-catalog.json); only the two that call
        // it may read its secret.
        String orders = tables.orders.getTableArn();
        String inventory = tables.inventory.getTableArn();
        String centers = tables.fulfillmentCenters.getTableArn();
        Map<String, ServiceFunction> steps = new LinkedHashMap<>();

        ServiceFunction reserve = step(functions, steps, "ReserveStock");
        // Reads the order, allocates over centers and levels (a sharded product's other shards by
        // BatchGetItem), reserves in one transaction (and releases again if a cancellation won
        // the race).
        allow(reserve, orders, orderWrites());
        allow(reserve, orders, "dynamodb:DeleteItem");
        allow(reserve, inventory, "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:UpdateItem");
        allow(reserve, centers, "dynamodb:Scan");

        ServiceFunction pay = step(functions, steps, "TakePayment");
        allow(pay, orders, orderWrites());
        Optional<String> paymentSecret = adapters.paymentSecretName();
        paymentSecret.ifPresent(name -> functions.readSecret(pay, "PaymentSecret", name));

        ServiceFunction handOver = step(functions, steps, "HandOverShipments");
        allow(handOver, orders, orderWrites());
        allow(handOver, centers, "dynamodb:Scan");

        ServiceFunction confirm = step(functions, steps, "ConfirmShipped");
        // Commits the reservation (deletes its record, lowers reserved) and records the shipment.
        allow(confirm, orders, orderWrites());
        allow(confirm, orders, "dynamodb:DeleteItem");
        allow(confirm, inventory, "dynamodb:UpdateItem");

        ServiceFunction refund = step(functions, steps, "RefundPayment");
        allow(refund, orders, "dynamodb:GetItem");
        paymentSecret.ifPresent(
                name -> functions.readSecret(refund, "PaymentSecretForRefunds", name));

        ServiceFunction release = step(functions, steps, "ReleaseStock");
        allow(release, orders, "dynamodb:GetItem", "dynamodb:DeleteItem");
        allow(release, inventory, "dynamodb:UpdateItem");

        ServiceFunction close = step(functions, steps, "CloseOrder");
        allow(close, orders, orderWrites());
        return steps;
    }

    private static ServiceFunction step(
            Functions functions, Map<String, ServiceFunction> steps, String name) {
        ServiceFunction fn = functions.create(name);
        steps.put(name, fn);
        return fn;
    }
}
