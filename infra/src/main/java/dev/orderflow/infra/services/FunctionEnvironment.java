package dev.orderflow.infra.services;

import dev.orderflow.infra.config.Adapters;
import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.config.Topology.StockConsistency;
import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The value the stack gives each environment variable a function of the {@link FunctionCatalog} may
 * read. A secret's name is set only when the configuration names the secret (with the {@code http}
 * adapters); without it the function runs its simulator and never reads the variable.
 */
public final class FunctionEnvironment {

    /**
     * Set on every function in a deployment with {@code stockConsistency=strong}: the inventory
     * adapter then reserves without transactions, which a multi-Region strongly consistent table
     * rejects (docs/multi-region.md).
     */
    public static final String STOCK_CONSISTENCY = "STOCK_CONSISTENCY";

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, String> everyFunction = new HashMap<>();

    public FunctionEnvironment(
            DataTables tables, OrderflowConfig config, StockConsistency stockConsistency) {
        Adapters adapters = config.adapters();
        set("ORDERS_TABLE", tables.orders.getTableName());
        set("ORDER_ARCHIVE_TABLE", tables.orderArchive.getTableName());
        set("ORDER_RETENTION_DAYS", Integer.toString(config.orderRetentionDays()));
        set("PRODUCTS_TABLE", tables.products.getTableName());
        set("CENTERS_TABLE", tables.fulfillmentCenters.getTableName());
        set("INVENTORY_TABLE", tables.inventory.getTableName());
        set("IDEMPOTENCY_TABLE", tables.idempotency.getTableName());
        set("PAYMENT_PROVIDER", adapters.payment().value());
        setUnlessEmpty("PAYMENT_SECRET_NAME", adapters.paymentSecretName().orElse(""));
        set("WAREHOUSE", adapters.warehouse().value());
        set("NOTIFIER", adapters.notifierChannel());
        setUnlessEmpty("MAIL_SECRET_NAME", adapters.mailSecretName().orElse(""));
        // Known whether or not a catalog entry lists them; HttpApiGateway sets the secret's ARN
        // on the functions its routes call.
        known.add(HttpApiGateway.ORIGIN_VERIFY_SECRET_ARN);
        known.add(STOCK_CONSISTENCY);
        if (stockConsistency == StockConsistency.STRONG) {
            values.put(STOCK_CONSISTENCY, stockConsistency.value());
            everyFunction.put(STOCK_CONSISTENCY, stockConsistency.value());
        }
    }

    /** The saga's state machine, which exists only after the step functions it invokes. */
    public void addStateMachine(String arn) {
        set("STATE_MACHINE_ARN", arn);
    }

    /**
     * @throws IllegalStateException if a variable has no value in this stack (yet)
     */
    Map<String, String> of(FunctionCatalog.Entry function) {
        Map<String, String> environment = new HashMap<>(everyFunction);
        for (String name : function.environment()) {
            if (!known.contains(name)) {
                throw new IllegalStateException(
                        function.name() + " reads " + name + ", which the stack gives no value");
            }
            if (values.containsKey(name)) {
                environment.put(name, values.get(name));
            }
        }
        return environment;
    }

    private void set(String name, String value) {
        known.add(name);
        values.put(name, value);
    }

    private void setUnlessEmpty(String name, String value) {
        known.add(name);
        if (!value.isEmpty()) {
            values.put(name, value);
        }
    }
}
