package dev.orderflow.functions.messaging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.List;
import java.util.Map;

/** SQS batches in and partial batch responses out ({@code ReportBatchItemFailures}). */
public final class SqsBatches {

    /** The message attribute a producer may set to correlate its logs with ours. */
    public static final String CORRELATION_ATTRIBUTE = "correlationId";

    private SqsBatches() {}

    /**
     * The event's messages as batch items: id = message id, correlation id = the {@value
     * #CORRELATION_ATTRIBUTE} attribute if the producer set one, else the message id.
     */
    public static List<BatchEndpoint.Item<SQSMessage>> items(SQSEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords().stream()
                .map(m -> new BatchEndpoint.Item<>(idOf(m), correlationIdOf(m), m))
                .toList();
    }

    /** The partial batch response naming the failed messages. */
    public static SQSBatchResponse response(List<String> failedMessageIds) {
        return new SQSBatchResponse(
                failedMessageIds.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    /**
     * Runs the work on each message of the batch, every message on its own (one failing does not
     * stop the others), and answers with the partial batch response.
     */
    public static SQSBatchResponse process(
            BatchEndpoint endpoint,
            Context context,
            SQSEvent event,
            BatchEndpoint.Work<SQSMessage> work) {
        return response(endpoint.process(context, items(event), work, false));
    }

    private static String idOf(SQSMessage message) {
        return message.getMessageId() == null ? "" : message.getMessageId();
    }

    private static String correlationIdOf(SQSMessage message) {
        Map<String, MessageAttribute> attributes = message.getMessageAttributes();
        if (attributes != null) {
            MessageAttribute correlation = attributes.get(CORRELATION_ATTRIBUTE);
            if (correlation != null
                    && correlation.getStringValue() != null
                    && !correlation.getStringValue().isBlank()) {
                return correlation.getStringValue();
            }
        }
        return idOf(message);
    }
}
