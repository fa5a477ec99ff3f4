package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.IDEMPOTENCY_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDER_ARCHIVE_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDER_RETENTION_DAYS;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORIGIN_VERIFY_SECRET_ARN;
import static dev.orderflow.functions.wiring.EnvironmentVariable.PRODUCTS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.STOCK_CONSISTENCY;

import dev.orderflow.adapters.aws.dynamodb.DynamoIdempotencyStore;
import dev.orderflow.adapters.aws.dynamodb.DynamoOrderArchive;
import dev.orderflow.adapters.aws.dynamodb.DynamoOrderRepository;
import dev.orderflow.adapters.aws.dynamodb.DynamoProductCatalog;
import dev.orderflow.adapters.aws.dynamodb.StockConsistency;
import dev.orderflow.adapters.secrets.SecretsManagerSecretText;
import dev.orderflow.domain.catalog.BrowseCatalog;
import dev.orderflow.domain.order.CancelOrder;
import dev.orderflow.domain.order.ListOrders;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.PlaceOrder;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.order.ViewOrder;
import dev.orderflow.domain.region.AwsRegion;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.observability.PowertoolsMetrics;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The client graph of a Lambda execution environment, built lazily and once (the only static state
 * CONTRIBUTING.md allows). Configuration is read here, at the edge, and nowhere deeper. The SDK
 * honours {@code AWS_ENDPOINT_URL}, which is how the local cloud points these clients at itself.
 */
public final class AwsWiring {

    private AwsWiring() {}

    /** Holder idiom: the client is built on first use, thread-safely, then reused. */
    private static final class Clients {
        static final DynamoDbClient DYNAMO =
                DynamoDbClient.builder()
                        .region(Region.of(Environment.region()))
                        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
    }

    /** The catalog use case over the products table named by {@code PRODUCTS_TABLE}. */
    public static BrowseCatalog browseCatalog() {
        return new BrowseCatalog(
                new DynamoProductCatalog(Clients.DYNAMO, Environment.require(PRODUCTS_TABLE)));
    }

    /** The place-order use case over the orders, products and idempotency tables. */
    public static PlaceOrder placeOrder() {
        return new PlaceOrder(
                new DynamoProductCatalog(Clients.DYNAMO, Environment.require(PRODUCTS_TABLE)),
                orders(),
                new DynamoIdempotencyStore(
                        Clients.DYNAMO,
                        Environment.require(IDEMPOTENCY_TABLE),
                        Clock.systemUTC(),
                        Duration.ofHours(24)),
                Clock.systemUTC(),
                OrderId::random,
                here());
    }

    /** The view-order use case over the orders table and, for expired orders, the archive. */
    public static ViewOrder viewOrder() {
        return new ViewOrder(orders(), archive());
    }

    /** The cancel-order use case over the orders table. */
    public static CancelOrder cancelOrder() {
        return new CancelOrder(orders(), Clock.systemUTC(), here());
    }

    /** The list-orders use case over the orders table's customer index, then the archive. */
    public static ListOrders listOrders() {
        return new ListOrders(orders(), archive());
    }

    /**
     * The orders table named by {@code ORDERS_TABLE}, for functions that never finish an order;
     * other wiring classes share it.
     */
    static DynamoOrderRepository orders() {
        return new DynamoOrderRepository(dynamoDb(), Environment.require(ORDERS_TABLE));
    }

    /**
     * The orders table for the saga steps that may finish an order: a finished order's item expires
     * {@code ORDER_RETENTION_DAYS} days after it finished.
     */
    static DynamoOrderRepository finishingOrders() {
        String days = Environment.require(ORDER_RETENTION_DAYS);
        try {
            return new DynamoOrderRepository(
                    dynamoDb(),
                    Environment.require(ORDERS_TABLE),
                    Retention.ofDays(Long.parseLong(days)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "ORDER_RETENTION_DAYS must be a whole number of days, at least 1, was " + days,
                    e);
        }
    }

    /** The order archive table named by {@code ORDER_ARCHIVE_TABLE}. */
    static DynamoOrderArchive archive() {
        return new DynamoOrderArchive(dynamoDb(), Environment.require(ORDER_ARCHIVE_TABLE));
    }

    /**
     * The execution environment's one DynamoDB client, for the other wiring classes of this package
     * (one per area of the product, so each stays small).
     */
    static DynamoDbClient dynamoDb() {
        return Clients.DYNAMO;
    }

    /**
     * A Secrets Manager client for the functions that read an external API's secret; the readers
     * cache what they read, so it is built once per reader.
     */
    static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .region(Region.of(Environment.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The AWS region this function runs in ({@code AWS_REGION}): the home of the orders it places,
     * and the only region where it changes orders and centers homed here.
     */
    public static AwsRegion here() {
        return new AwsRegion(Environment.region());
    }

    /**
     * The HTTP entry point's origin check: with {@code ORIGIN_VERIFY_SECRET_ARN} set (a
     * multi-region stack, where CloudFront fronts the API), a request must carry that secret's text
     * in {@code X-Origin-Verify}; unset, every request passes. The secret is read on the first
     * request, not at start (so not into a SnapStart snapshot), and cached.
     */
    public static OriginCheck originCheck() {
        return Environment.optional(ORIGIN_VERIFY_SECRET_ARN)
                .map(
                        arn ->
                                OriginCheck.requiring(
                                        new SecretsManagerSecretText(secretsManager(), arn)))
                .orElseGet(OriginCheck::none);
    }

    /**
     * How the Inventory table replicates, from {@code STOCK_CONSISTENCY}: unset or {@code eventual}
     * a regional table, {@code strong} a multi-Region strongly consistent one.
     *
     * @throws IllegalStateException for any other value, so the function fails to start
     */
    static StockConsistency stockConsistency() {
        return stockConsistency(Environment.optional(STOCK_CONSISTENCY).orElse(EVENTUAL));
    }

    static final String EVENTUAL = "eventual";
    static final String STRONG = "strong";

    static StockConsistency stockConsistency(String value) {
        return switch (value) {
            case EVENTUAL -> StockConsistency.EVENTUAL;
            case STRONG -> StockConsistency.STRONG;
            default ->
                    throw new IllegalStateException(
                            STOCK_CONSISTENCY
                                    + "="
                                    + value
                                    + " is not a stock consistency orderflow knows; use "
                                    + EVENTUAL
                                    + " (or leave it unset) or "
                                    + STRONG);
        };
    }

    /** EMF metrics through Powertools. */
    public static HandlerMetrics metrics() {
        return new PowertoolsMetrics();
    }

    /** The service name the stack gives every function. */
    public static String serviceName() {
        return Environment.serviceName();
    }
}
