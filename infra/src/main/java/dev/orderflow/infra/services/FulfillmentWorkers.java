package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.config.Adapters;
import dev.orderflow.infra.config.Placement;
import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.Messaging;
import dev.orderflow.infra.constructs.OrderWorkflow;
import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The saga's workers: the outbox relay on the orders stream that starts one execution per placed
 * order, the fulfillment centers' worker on the fulfillment-requests queue that answers the saga's
 * task tokens, and the notifier on the notifications queue. Event source mappings invoke the {@code
 * live} alias, so SnapStart applies as it does for the API.
 */
public final class FulfillmentWorkers {

    /** Stream records a relay invocation takes at most. */
    static final int STREAM_BATCH_SIZE = 25;

    /** Retries of a failing stream batch (halved by bisection each time) before it is parked. */
    static final int STREAM_RETRY_ATTEMPTS = 5;

    /** A stream record older than this is parked in the DLQ rather than retried further. */
    static final Duration STREAM_MAX_RECORD_AGE = Duration.hours(6);

    static final int QUEUE_BATCH_SIZE = 10;

    static final Duration QUEUE_BATCHING_WINDOW = Duration.seconds(1);

    /**
     * Step Functions' task-token actions. The Service Authorization Reference lists no resource
     * type for them (a token names no ARN the policy could match), so they take {@code Resource:
     * *}.
     */
    public static final List<String> TASK_TOKEN_ACTIONS =
            List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat");

    private FulfillmentWorkers() {}

    public static void wire(
            Functions functions,
            DataTables tables,
            Messaging messaging,
            OrderWorkflow workflow,
            Adapters adapters,
            Placement placement) {
        // In a multi-region stack, only orders homed in the stack's region (docs/multi-region.md).
        Optional<String> homeRegion =
                placement instanceof Placement.InRegion region
                        ? Optional.of(region.region())
                        : Optional.empty();
        startFulfillment(functions, tables, messaging, workflow, homeRegion);
        archiveOrders(functions, tables, messaging);
        fulfillShipment(functions, tables, messaging.fulfillmentRequests);
        notifyCustomer(functions, tables, messaging.notifications, adapters);
    }

    private static void startFulfillment(
            Functions functions,
            DataTables tables,
            Messaging messaging,
            OrderWorkflow workflow,
            Optional<String> homeRegion) {
        ServiceFunction relay = functions.create("StartFulfillment");
        allow(relay, workflow.stateMachine.getStateMachineArn(), "states:StartExecution");
        // TRIM_HORIZON: orders placed before the mapping existed still start.
        onOrdersStream(relay, tables, messaging, placedOrders(homeRegion));
    }

    /**
     * Maps the orders stream to the function from its oldest record: batches bisected on errors,
     * retried, partial failures reported, records too old or retried too often parked in the
     * alarmed stream DLQ; only records matching {@code filter} invoke it.
     */
    private static void onOrdersStream(
            ServiceFunction fn,
            DataTables tables,
            Messaging messaging,
            Map<String, Object> filter) {
        fn.live.addEventSource(
                new DynamoEventSource(
                        tables.orders,
                        DynamoEventSourceProps.builder()
                                .startingPosition(StartingPosition.TRIM_HORIZON)
                                .batchSize(STREAM_BATCH_SIZE)
                                .bisectBatchOnError(true)
                                .retryAttempts(STREAM_RETRY_ATTEMPTS)
                                .maxRecordAge(STREAM_MAX_RECORD_AGE)
                                .reportBatchItemFailures(true)
                                .onFailure(new SqsDlq(messaging.orderStreamFailures))
                                .filters(List.of(FilterCriteria.filter(filter)))
                                .build()));
        if (!(tables.orders instanceof Table)) {
            // A global table (TableV2) grants ListStreams on the stream's ARN, which IAM never
            // matches: ListStreams takes no resource (Service Authorization Reference; aws-cdk PR
            // 34575). Table's own grant already says "*".
            fn.function.addToRolePolicy(
                    PolicyStatement.Builder.create()
                            .actions(List.of("dynamodb:ListStreams"))
                            .resources(List.of("*"))
                            .build());
        }
    }

    /**
     * The stream filter: only the insert of an order item ({@code sk = ORDER}) starts a workflow;
     * events, shipments and updates of the same partition never invoke the relay. Ordered, so the
     * synthesized pattern is the same on every build. With a home region, only orders placed there
     * ({@code homeRegion} on the new image).
     */
    static Map<String, Object> placedOrders(Optional<String> homeRegion) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("eventName", FilterRule.isEqual("INSERT"));
        pattern.put("dynamodb", orderItem("NewImage", homeRegion));
        return pattern;
    }

    /**
     * The order item ({@code sk = ORDER}) and, with a home region, that region as the {@code
     * homeRegion} of the image the record carries.
     */
    private static Map<String, Object> orderItem(String image, Optional<String> homeRegion) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Keys", Map.of("sk", Map.of("S", FilterRule.isEqual("ORDER"))));
        homeRegion.ifPresent(
                region ->
                        record.put(
                                image,
                                Map.of("homeRegion", Map.of("S", FilterRule.isEqual(region)))));
        return record;
    }

    /**
     * The archiver: TTL's removals of order items, and nothing else, reach it. It reads the trail
     * (Query), keeps the record in the archive (PutItem) and removes the rest of the collection
     * (DeleteItem). Failures park in the same alarmed stream DLQ as the relay's.
     */
    private static void archiveOrders(Functions functions, DataTables tables, Messaging messaging) {
        ServiceFunction archiver = functions.create("ArchiveOrder");
        allow(archiver, tables.orders.getTableArn(), "dynamodb:Query", "dynamodb:DeleteItem");
        allow(archiver, tables.orderArchive.getTableArn(), "dynamodb:PutItem");
        onOrdersStream(archiver, tables, messaging, expiredOrders());
    }

    /**
     * The archiver's filter: the removal of an order item ({@code sk = ORDER}) by TTL, which
     * DynamoDB marks with the service as the record's user identity ("DynamoDB Streams and Time to
     * Live", Developer Guide). A caller's delete has no such identity. Of every home region: in a
     * global table only the region whose TTL removed the item sees that identity, and the others
     * get a plain replicated removal, so each region archives what its own TTL removed.
     */
    static Map<String, Object> expiredOrders() {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("eventName", FilterRule.isEqual("REMOVE"));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", FilterRule.isEqual("Service"));
        identity.put("principalId", FilterRule.isEqual("dynamodb.amazonaws.com"));
        pattern.put("userIdentity", identity);
        pattern.put("dynamodb", orderItem("OldImage", Optional.empty()));
        return pattern;
    }

    /** The worker hands shipments to the simulated warehouse or to the centers' HTTP endpoints. */
    private static void fulfillShipment(Functions functions, DataTables tables, Queue requests) {
        ServiceFunction worker = functions.create("FulfillShipment");
        // GetItem reads the order; PutItem keeps the step's token with the shipment
        // (SHIPMENT#<centerId>) for the warehouse's callback.
        allow(worker, tables.orders.getTableArn(), "dynamodb:GetItem", "dynamodb:PutItem");
        // The center's record says how its warehouse system is reached.
        allow(worker, tables.fulfillmentCenters.getTableArn(), "dynamodb:GetItem");
        worker.function.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(TASK_TOKEN_ACTIONS)
                        .resources(List.of("*"))
                        .build());
        worker.live.addEventSource(sqsSource(requests));
    }

    private static void notifyCustomer(
            Functions functions, DataTables tables, Queue notifications, Adapters adapters) {
        ServiceFunction notifier = functions.create("NotifyCustomer");
        adapters.mailSecretName()
                .ifPresent(name -> functions.readSecret(notifier, "MailSecret", name));
        // PutItem claims a notification; UpdateItem takes over a claim whose lease expired and
        // marks it sent; DeleteItem gives the claim back when sending failed.
        allow(
                notifier,
                tables.idempotency.getTableArn(),
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:DeleteItem");
        notifier.live.addEventSource(sqsSource(notifications));
    }

    private static SqsEventSource sqsSource(Queue queue) {
        return new SqsEventSource(
                queue,
                SqsEventSourceProps.builder()
                        .batchSize(QUEUE_BATCH_SIZE)
                        .maxBatchingWindow(QUEUE_BATCHING_WINDOW)
                        .reportBatchItemFailures(true)
                        .build());
    }
}
