package dev.orderflow.infra.constructs;

import dev.orderflow.infra.config.OrderflowConfig;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableClass;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.constructs.Construct;

/**
 * The DynamoDB tables, each designed for its access patterns (see the README's data model). All are
 * on-demand, encrypted and point-in-time recoverable; production tables outlive the stack.
 */
public final class DataTables extends Construct {

    /** Orders by id; GSI {@code byCustomer}, GSI {@code byStatus} (write-sharded). */
    public final Table orders;

    /** The catalog, one item per SKU. */
    public final Table products;

    /** Fulfillment centers, one item per center. */
    public final Table fulfillmentCenters;

    /** Stock per SKU (partition) per fulfillment center (sort). */
    public final Table inventory;

    /**
     * Finished orders whose retention ran out: {@code customerId} / {@code placedKey}, local index
     * {@code byOrderId} (keys only); Standard-IA, no TTL.
     */
    public final Table orderArchive;

    /** Idempotency records keyed by request key, expired by TTL. */
    public final Table idempotency;

    public DataTables(Construct scope, String id, OrderflowConfig config) {
        super(scope, id);
        orders =
                table("Orders", config, key("pk"), key("sk")).stream(
                                StreamViewType.NEW_AND_OLD_IMAGES)
                        // A finished order's item carries its expiry (README, "Retention").
                        .timeToLiveAttribute("expiresAt")
                        .create();
        orders.addGlobalSecondaryIndex(
                GlobalSecondaryIndexProps.builder()
                        .indexName("byCustomer")
                        .partitionKey(key("gsi1pk"))
                        .sortKey(key("gsi1sk"))
                        .projectionType(ProjectionType.ALL)
                        .build());
        orders.addGlobalSecondaryIndex(
                GlobalSecondaryIndexProps.builder()
                        .indexName("byStatus")
                        .partitionKey(key("gsi2pk"))
                        .sortKey(key("gsi2sk"))
                        .projectionType(ProjectionType.KEYS_ONLY)
                        .build());
        // Written once per order and read rarely: the infrequent-access class stores for less
        // and charges more per request, which suits a history.
        orderArchive =
                table("OrderArchive", config, key("customerId"), key("placedKey"))
                        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                        .create();
        orderArchive.addLocalSecondaryIndex(
                LocalSecondaryIndexProps.builder()
                        .indexName("byOrderId")
                        .sortKey(key("orderId"))
                        .projectionType(ProjectionType.KEYS_ONLY)
                        .build());
        products = table("Products", config, key("sku"), null).create();
        fulfillmentCenters = table("FulfillmentCenters", config, key("centerId"), null).create();
        inventory = table("Inventory", config, key("sku"), key("centerId")).create();
        idempotency =
                table("Idempotency", config, key("id"), null)
                        .timeToLiveAttribute("expiresAt")
                        .create();
    }

    private static Attribute key(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /** Collects the common settings; {@link TableBuilder#create()} then creates the table. */
    private TableBuilder table(
            String id, OrderflowConfig config, Attribute partition, Attribute sort) {
        TableProps.Builder props =
                TableProps.builder()
                        .partitionKey(partition)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .encryption(TableEncryption.AWS_MANAGED)
                        .pointInTimeRecoverySpecification(
                                PointInTimeRecoverySpecification.builder()
                                        .pointInTimeRecoveryEnabled(true)
                                        .build())
                        .deletionProtection(config.isProduction())
                        .removalPolicy(
                                config.isProduction()
                                        ? RemovalPolicy.RETAIN
                                        : RemovalPolicy.DESTROY);
        if (sort != null) {
            props.sortKey(sort);
        }
        return new TableBuilder(this, id, props);
    }

    /** Small fluent step so optional table features read top to bottom. */
    private record TableBuilder(Construct scope, String id, TableProps.Builder props) {
        TableBuilder stream(StreamViewType view) {
            props.stream(view);
            return this;
        }

        TableBuilder tableClass(TableClass tableClass) {
            props.tableClass(tableClass);
            return this;
        }

        TableBuilder timeToLiveAttribute(String attribute) {
            props.timeToLiveAttribute(attribute);
            return this;
        }

        Table create() {
            return new Table(scope, id, props.build());
        }
    }
}
