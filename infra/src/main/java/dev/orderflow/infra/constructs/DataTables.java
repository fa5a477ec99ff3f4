package dev.orderflow.infra.constructs;

import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.config.Placement;
import dev.orderflow.infra.config.Topology.StockConsistency;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.MultiRegionConsistency;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableClass;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.dynamodb.TablePropsV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The DynamoDB tables, each designed for its access patterns (see the README's data model). All are
 * on-demand, encrypted and point-in-time recoverable; production tables outlive the stack.
 *
 * <p>Products, FulfillmentCenters and Orders are <em>global</em>, the others <em>regional</em>
 * (docs/multi-region.md); every table carries the tag {@value #REPLICATION_TAG} saying which, which
 * the local cloud's multi-region mode reads. In a multi-region deployment the primary region's
 * stack creates the global tables as global tables (one replica per region, fixed names {@code
 * orderflow-<env>-<table>}) and every other region's stack refers to its replica by that name.
 */
public final class DataTables extends Construct {

    /** The tag naming a table's replication: {@code global} or {@code regional}. */
    public static final String REPLICATION_TAG = "orderflow:replication";

    /** Orders by id; GSI {@code byCustomer}, GSI {@code byStatus} (write-sharded). */
    public final ITable orders;

    /** The catalog, one item per SKU. */
    public final ITable products;

    /** Fulfillment centers, one item per center. */
    public final ITable fulfillmentCenters;

    /** Stock per SKU (partition) per fulfillment center (sort). */
    public final ITable inventory;

    /**
     * Finished orders whose retention ran out: {@code customerId} / {@code placedKey}, local index
     * {@code byOrderId} (keys only); Standard-IA, no TTL.
     */
    public final ITable orderArchive;

    /** Idempotency records keyed by request key, expired by TTL. */
    public final ITable idempotency;

    private final OrderflowConfig config;
    private final Placement placement;
    private final List<ReplicaStreamLookup> streamLookups = new ArrayList<>();

    public DataTables(Construct scope, String id, OrderflowConfig config, Placement placement) {
        super(scope, id);
        this.config = config;
        this.placement = placement;
        orders =
                global(
                        TableDesign.of("Orders", "orders", key("pk"), key("sk")).stream(
                                        StreamViewType.NEW_AND_OLD_IMAGES)
                                // A finished order's item carries its expiry (README,
                                // "Retention").
                                .ttl("expiresAt")
                                .index("byCustomer", "gsi1pk", "gsi1sk", ProjectionType.ALL)
                                .index("byStatus", "gsi2pk", "gsi2sk", ProjectionType.KEYS_ONLY));
        // Written once per order and read rarely: the infrequent-access class stores for less
        // and charges more per request, which suits a history.
        // An order's TTL removal may happen in any region, whose archiver then keeps it: the
        // archive is global so the customer finds it wherever they ask (docs/multi-region.md).
        orderArchive =
                global(
                        TableDesign.of(
                                        "OrderArchive",
                                        "order-archive",
                                        key("customerId"),
                                        key("placedKey"))
                                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                                .localIndex("byOrderId", "orderId", ProjectionType.KEYS_ONLY));
        products = global(TableDesign.of("Products", "products", key("sku"), null));
        fulfillmentCenters =
                global(
                        TableDesign.of(
                                "FulfillmentCenters",
                                "fulfillment-centers",
                                key("centerId"),
                                null));
        TableDesign stockRows =
                TableDesign.of("Inventory", "inventory", key("sku"), key("centerId"));
        inventory =
                placement.stockConsistency() == StockConsistency.STRONG
                        ? global(stockRows.stronglyConsistent())
                        : regional(stockRows);
        idempotency =
                regional(
                        TableDesign.of("Idempotency", "idempotency", key("id"), null)
                                .ttl("expiresAt"));
    }

    private static Attribute key(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /** The fixed name a global table has in every region. */
    private String globalName(TableDesign design) {
        return "orderflow-" + config.environmentName() + "-" + design.nameSuffix();
    }

    /**
     * A global table: in the single-region stack a table like any other; in the primary the global
     * table with its replicas; elsewhere this region's replica, by name.
     */
    private ITable global(TableDesign design) {
        if (placement instanceof Placement.InRegion region) {
            return region.isPrimary()
                    ? tagged(globalTable(design, region), "global")
                    : replica(design);
        }
        return tagged(singleRegionTable(design), "global");
    }

    private Table regional(TableDesign design) {
        return tagged(singleRegionTable(design), "regional");
    }

    private static <T extends Construct> T tagged(T table, String replication) {
        Tags.of(table).add(REPLICATION_TAG, replication);
        return table;
    }

    private Table singleRegionTable(TableDesign design) {
        TableProps.Builder props =
                TableProps.builder()
                        .partitionKey(design.partitionKey())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .encryption(TableEncryption.AWS_MANAGED)
                        .pointInTimeRecoverySpecification(pointInTimeRecovery())
                        .deletionProtection(config.isProduction())
                        .removalPolicy(removalPolicy());
        if (design.sortKey() != null) {
            props.sortKey(design.sortKey());
        }
        if (design.stream() != null) {
            props.stream(design.stream());
        }
        if (design.tableClass() != null) {
            props.tableClass(design.tableClass());
        }
        if (design.ttlAttribute() != null) {
            props.timeToLiveAttribute(design.ttlAttribute());
        }
        Table table = new Table(this, design.id(), props.build());
        for (TableDesign.LocalIndex index : design.localIndexes()) {
            table.addLocalSecondaryIndex(
                    LocalSecondaryIndexProps.builder()
                            .indexName(index.name())
                            .sortKey(key(index.sortKey()))
                            .projectionType(index.projection())
                            .build());
        }
        for (TableDesign.Index index : design.indexes()) {
            table.addGlobalSecondaryIndex(
                    GlobalSecondaryIndexProps.builder()
                            .indexName(index.name())
                            .partitionKey(key(index.partitionKey()))
                            .sortKey(key(index.sortKey()))
                            .projectionType(index.projection())
                            .build());
        }
        return table;
    }

    /**
     * The global table, created once, in the primary, with a replica in every other region: the
     * same keys, indexes, stream, TTL, encryption, recovery and protection in each (TableV2 applies
     * its settings to every replica).
     */
    private TableV2 globalTable(TableDesign design, Placement.InRegion region) {
        List<String> replicaRegions = region.replicaRegions();
        TablePropsV2.Builder props =
                TablePropsV2.builder()
                        .tableName(globalName(design))
                        .partitionKey(design.partitionKey())
                        .billing(Billing.onDemand())
                        .encryption(TableEncryptionV2.awsManagedKey())
                        .pointInTimeRecoverySpecification(pointInTimeRecovery())
                        .deletionProtection(config.isProduction())
                        .removalPolicy(removalPolicy())
                        .replicas(
                                replicaRegions.stream()
                                        .map(r -> ReplicaTableProps.builder().region(r).build())
                                        .toList());
        if (design.sortKey() != null) {
            props.sortKey(design.sortKey());
        }
        if (design.stream() != null) {
            props.dynamoStream(design.stream());
        }
        if (design.ttlAttribute() != null) {
            props.timeToLiveAttribute(design.ttlAttribute());
        }
        if (design.tableClass() != null) {
            props.tableClass(design.tableClass());
        }
        if (design.strong()) {
            // MRSC: exactly three replicas in one region set, no TTL, no local indexes
            // (Topology checks the regions; Inventory has neither TTL nor a local index).
            props.multiRegionConsistency(MultiRegionConsistency.STRONG);
        }
        props.globalSecondaryIndexes(
                design.indexes().stream()
                        .map(
                                index ->
                                        GlobalSecondaryIndexPropsV2.builder()
                                                .indexName(index.name())
                                                .partitionKey(key(index.partitionKey()))
                                                .sortKey(key(index.sortKey()))
                                                .projectionType(index.projection())
                                                .build())
                        .toList());
        props.localSecondaryIndexes(
                design.localIndexes().stream()
                        .map(
                                index ->
                                        LocalSecondaryIndexProps.builder()
                                                .indexName(index.name())
                                                .sortKey(key(index.sortKey()))
                                                .projectionType(index.projection())
                                                .build())
                        .toList());
        return new TableV2(this, design.id(), props.build());
    }

    /**
     * This region's replica of a global table the primary's stack created. Its stream (Orders) is
     * looked up at deployment: a replica's stream ARN ends in a label DynamoDB chooses, which
     * neither CloudFormation nor {@code TableV2.replica(region)} (it gives {@code stream/*}) can
     * name.
     */
    private ITable replica(TableDesign design) {
        TableAttributesV2.Builder attributes =
                TableAttributesV2.builder()
                        .tableName(globalName(design))
                        .grantIndexPermissions(
                                !design.indexes().isEmpty() || !design.localIndexes().isEmpty());
        if (design.stream() != null) {
            ReplicaStreamLookup lookup =
                    new ReplicaStreamLookup(this, design.id() + "Stream", globalName(design));
            streamLookups.add(lookup);
            attributes.tableStreamArn(lookup.streamArn());
        }
        return TableV2.fromTableAttributes(this, design.id(), attributes.build());
    }

    /** The deployment-time look-ups of replica streams (a region other than the primary). */
    public List<ReplicaStreamLookup> streamLookups() {
        return List.copyOf(streamLookups);
    }

    private static PointInTimeRecoverySpecification pointInTimeRecovery() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }

    private RemovalPolicy removalPolicy() {
        return config.isProduction() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }
}
