package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.CENTERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.IDEMPOTENCY_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.MAIL_API_KEY;
import static dev.orderflow.functions.wiring.EnvironmentVariable.MAIL_API_URL;
import static dev.orderflow.functions.wiring.EnvironmentVariable.MAIL_SECRET_NAME;
import static dev.orderflow.functions.wiring.EnvironmentVariable.NOTIFIER;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.STATE_MACHINE_ARN;
import static dev.orderflow.functions.wiring.EnvironmentVariable.WAREHOUSE;

import dev.orderflow.adapters.aws.dynamodb.DynamoAwaitedShipments;
import dev.orderflow.adapters.aws.dynamodb.DynamoCenterDirectory;
import dev.orderflow.adapters.aws.dynamodb.DynamoSentNotifications;
import dev.orderflow.adapters.aws.stepfunctions.SfnTaskTokens;
import dev.orderflow.adapters.aws.stepfunctions.SfnWorkflowStarter;
import dev.orderflow.adapters.notification.HttpEmailNotifier;
import dev.orderflow.adapters.notification.LogEmailNotifier;
import dev.orderflow.adapters.secrets.SecretsManagerApiAccess;
import dev.orderflow.adapters.shipping.CenterRoutedWarehouse;
import dev.orderflow.adapters.shipping.HttpWarehouse;
import dev.orderflow.adapters.shipping.SimulatedWarehouse;
import dev.orderflow.domain.notification.Notifier;
import dev.orderflow.domain.notification.NotifyCustomer;
import dev.orderflow.domain.order.ArchiveOrder;
import dev.orderflow.domain.order.StartFulfillment;
import dev.orderflow.domain.shipping.FulfillShipment;
import dev.orderflow.domain.shipping.ReportShipmentEvent;
import dev.orderflow.domain.shipping.Warehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The client graph of the saga's workers (outbox relay, fulfillment worker, notifier), built lazily
 * and once per execution environment like {@link AwsWiring}'s, whose DynamoDB client and orders
 * repository it shares.
 */
public final class WorkerWiring {

    /**
     * How long a sent notification is remembered: longer than a message can live in the
     * notifications queue (4 days) and its dead-letter queue (14 days), so no redrive resends it.
     */
    static final Duration NOTIFICATION_RETENTION = Duration.ofDays(30);

    /**
     * How long a notification's claim is its sender's alone. Longer than a sender can live (the
     * function's 10 s timeout, which bounds the mail call's 5 s), so a live sender is never
     * overtaken; shorter than the notifications queue's 60 s visibility timeout (infra {@code
     * Messaging}), so the redelivery that follows a sender's death finds the lease expired and
     * takes over at once, instead of failing again and spending one of the queue's five receives.
     */
    static final Duration NOTIFICATION_LEASE = Duration.ofSeconds(30);

    /**
     * How long one hand-over to a warehouse system may take: a batch of 10 hand-overs, one after
     * another, stays inside the worker's 30 s timeout.
     */
    static final Duration WAREHOUSE_REQUEST_TIMEOUT = Duration.ofMillis(2500);

    static final Duration WAREHOUSE_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private WorkerWiring() {}

    /** Holder idiom: the client is built on first use, thread-safely, then reused. */
    private static final class Clients {
        static final SfnClient SFN =
                SfnClient.builder()
                        .region(Region.of(Environment.region()))
                        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();

        static final HttpClient WAREHOUSES =
                HttpClient.newBuilder()
                        .connectTimeout(WAREHOUSE_CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /**
     * The execution environment's one Step Functions client, for the other wiring classes of this
     * package.
     */
    static SfnClient stepFunctions() {
        return Clients.SFN;
    }

    /** The outbox relay's use case over the state machine named by {@code STATE_MACHINE_ARN}. */
    /** The archiver over the orders table ({@code ORDERS_TABLE}) and the archive. */
    public static ArchiveOrder archiveOrder() {
        return new ArchiveOrder(AwsWiring.orders(), AwsWiring.archive());
    }

    public static StartFulfillment startFulfillment() {
        return new StartFulfillment(
                new SfnWorkflowStarter(Clients.SFN, Environment.require(STATE_MACHINE_ARN)));
    }

    /**
     * The fulfillment worker over the orders and centers tables ({@code ORDERS_TABLE}, {@code
     * CENTERS_TABLE}), task tokens and the warehouses: a center that states a warehouse endpoint is
     * served over HTTP; the others by {@code WAREHOUSE} ({@code simulated}, the default, or {@code
     * http}, where such a center's shipments are refused: no simulator runs).
     */
    public static FulfillShipment fulfillShipment() {
        return new FulfillShipment(
                AwsWiring.orders(),
                new DynamoCenterDirectory(AwsWiring.dynamoDb(), Environment.require(CENTERS_TABLE)),
                warehouse(Environment.optional(WAREHOUSE, "simulated")),
                new SfnTaskTokens(Clients.SFN),
                awaitedShipments());
    }

    /**
     * The warehouse callback over the orders (whose home it checks) and awaited shipments in {@code
     * ORDERS_TABLE}.
     */
    public static ReportShipmentEvent reportShipmentEvent() {
        return new ReportShipmentEvent(
                AwsWiring.orders(),
                awaitedShipments(),
                new SfnTaskTokens(Clients.SFN),
                Clock.systemUTC(),
                AwsWiring.here());
    }

    static Warehouse warehouse(String choice) {
        Warehouse unlinked =
                switch (choice) {
                    case "simulated" -> new SimulatedWarehouse(Clock.systemUTC());
                    case "http" -> CenterRoutedWarehouse.refusingUnlinked();
                    default ->
                            throw new IllegalStateException(
                                    "environment variable "
                                            + WAREHOUSE
                                            + " is "
                                            + choice
                                            + "; it must be simulated or http");
                };
        return new CenterRoutedWarehouse(
                new HttpWarehouse(Clients.WAREHOUSES, WAREHOUSE_REQUEST_TIMEOUT), unlinked);
    }

    private static DynamoAwaitedShipments awaitedShipments() {
        return new DynamoAwaitedShipments(AwsWiring.dynamoDb(), Environment.require(ORDERS_TABLE));
    }

    /**
     * The notifier over the idempotency table named by {@code IDEMPOTENCY_TABLE} and the channel
     * named by {@code NOTIFIER}: {@code log} (default, a structured log line) or {@code http} (a
     * transactional-mail API whose base URL and key are in the Secrets Manager secret {@code
     * MAIL_SECRET_NAME}, as the deployed stack sets it, or else in {@code MAIL_API_URL} and {@code
     * MAIL_API_KEY}, as local runs and tests set them).
     */
    public static NotifyCustomer notifyCustomer() {
        return new NotifyCustomer(
                new DynamoSentNotifications(
                        AwsWiring.dynamoDb(),
                        Environment.require(IDEMPOTENCY_TABLE),
                        Clock.systemUTC(),
                        NOTIFICATION_LEASE,
                        NOTIFICATION_RETENTION),
                notifier());
    }

    private static Notifier notifier() {
        String channel = Environment.optional(NOTIFIER, "log");
        return switch (channel) {
            case "log" -> new LogEmailNotifier();
            case "http" -> httpNotifier();
            default ->
                    throw new IllegalStateException(
                            "environment variable "
                                    + NOTIFIER
                                    + " is "
                                    + channel
                                    + "; expected log or http");
        };
    }

    private static Notifier httpNotifier() {
        String secretName = Environment.optional(MAIL_SECRET_NAME, "");
        if (!secretName.isEmpty()) {
            return new HttpEmailNotifier(
                    SecretsManagerApiAccess.forMail(AwsWiring.secretsManager(), secretName),
                    HttpEmailNotifier.defaultClient());
        }
        return new HttpEmailNotifier(
                URI.create(Environment.require(MAIL_API_URL)),
                Environment.require(MAIL_API_KEY),
                HttpEmailNotifier.defaultClient());
    }
}
