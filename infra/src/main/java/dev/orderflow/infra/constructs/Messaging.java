package dev.orderflow.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/**
 * The SQS queues between the saga's steps. Each work queue redrives to its own dead-letter queue
 * after {@link #MAX_RECEIVE_COUNT} failed receives; all are encrypted and refuse non-TLS access.
 */
public final class Messaging extends Construct {

    /** Receives before a message is considered poison and moved to the DLQ. */
    public static final int MAX_RECEIVE_COUNT = 5;

    /** Shipments handed to fulfillment centers (the saga waits on their task tokens). */
    public final Queue fulfillmentRequests;

    public final Queue fulfillmentRequestsDlq;

    /** Customer notifications to send. */
    public final Queue notifications;

    public final Queue notificationsDlq;

    /**
     * Where the orders stream's mapping parks a batch it gave up on (retries or record age
     * exhausted): the message names the shard and sequence numbers, so the orders can be found and
     * their workflows started by hand. A dead-letter queue itself, so it is alarmed like the
     * others.
     */
    public final Queue orderStreamFailures;

    public Messaging(Construct scope, String id) {
        super(scope, id);
        fulfillmentRequestsDlq = deadLetterQueue("FulfillmentRequestsDlq");
        fulfillmentRequests =
                workQueue("FulfillmentRequests", fulfillmentRequestsDlq, Duration.minutes(2));
        notificationsDlq = deadLetterQueue("NotificationsDlq");
        // 60 s: above the notifier's claim lease (30 s, functions' WorkerWiring), so the
        // redelivery after a notifier died finds the dead sender's lease expired and takes over.
        notifications = workQueue("Notifications", notificationsDlq, Duration.seconds(60));
        orderStreamFailures = deadLetterQueue("OrderStreamDlq");
    }

    /** Every dead-letter queue, for the alarms. */
    public List<Queue> deadLetterQueues() {
        return List.of(fulfillmentRequestsDlq, notificationsDlq, orderStreamFailures);
    }

    private Queue deadLetterQueue(String id) {
        return new Queue(
                this,
                id,
                QueueProps.builder()
                        .encryption(QueueEncryption.SQS_MANAGED)
                        .enforceSsl(true)
                        .retentionPeriod(Duration.days(14))
                        .build());
    }

    private Queue workQueue(String id, Queue dlq, Duration visibilityTimeout) {
        return new Queue(
                this,
                id,
                QueueProps.builder()
                        .encryption(QueueEncryption.SQS_MANAGED)
                        .enforceSsl(true)
                        .visibilityTimeout(visibilityTimeout)
                        .retentionPeriod(Duration.days(4))
                        .deadLetterQueue(
                                DeadLetterQueue.builder()
                                        .queue(dlq)
                                        .maxReceiveCount(MAX_RECEIVE_COUNT)
                                        .build())
                        .build());
    }
}
