package dev.orderflow.functions.support;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lambda event payloads as the Lambda runtime deserializes them (its own serializers), built from
 * JSON as SQS and DynamoDB Streams deliver it.
 */
public final class Payloads {

    private Payloads() {}

    /** One SQS message of a batch: its id and body. */
    public record Message(String id, String body) {
        public static Message of(String body) {
            return new Message(UUID.randomUUID().toString(), body);
        }
    }

    public static SQSEvent sqs(Message... messages) {
        List<String> records = new ArrayList<>();
        for (Message m : messages) {
            records.add(
                    "{\"messageId\":"
                            + quote(m.id())
                            + ",\"receiptHandle\":\"rh-"
                            + m.id()
                            + "\",\"body\":"
                            + quote(m.body())
                            + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                            + "\"messageAttributes\":{},\"eventSource\":\"aws:sqs\","
                            + "\"eventSourceARN\":\"arn:aws:sqs:eu-central-1:123456789012:q\","
                            + "\"awsRegion\":\"eu-central-1\"}");
        }
        return LambdaEventSerializers.serializerFor(SQSEvent.class, Payloads.class.getClassLoader())
                .fromJson("{\"Records\":[" + String.join(",", records) + "]}");
    }

    /**
     * One stream record: event name, partition and sort key, sequence number, and the home region
     * its item's image carries (null: none).
     */
    public record StreamRecord(
            String eventName, String pk, String sk, String sequenceNumber, String homeRegion) {

        /** A record whose item has no home region. */
        public StreamRecord(String eventName, String pk, String sk, String sequenceNumber) {
            this(eventName, pk, sk, sequenceNumber, null);
        }
    }

    public static DynamodbEvent stream(StreamRecord... records) {
        List<String> json = new ArrayList<>();
        for (StreamRecord r : records) {
            String keys =
                    "{\"pk\":{\"S\":" + quote(r.pk()) + "},\"sk\":{\"S\":" + quote(r.sk()) + "}}";
            json.add(
                    "{\"eventID\":\"e-"
                            + r.sequenceNumber()
                            + "\",\"eventName\":"
                            + quote(r.eventName())
                            + ",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"eu-central-1\","
                            + "\"dynamodb\":{\"Keys\":"
                            + keys
                            + ",\"NewImage\":"
                            + (r.homeRegion() == null
                                    ? keys
                                    : keys.substring(0, keys.length() - 1)
                                            + ",\"homeRegion\":{\"S\":"
                                            + quote(r.homeRegion())
                                            + "}}")
                            + ",\"SequenceNumber\":"
                            + quote(r.sequenceNumber())
                            + ",\"SizeBytes\":100,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
                            + "\"eventSourceARN\":\"arn:aws:dynamodb:eu-central-1:123456789012:table/o/stream/x\"}");
        }
        return LambdaEventSerializers.serializerFor(
                        DynamodbEvent.class, Payloads.class.getClassLoader())
                .fromJson("{\"Records\":[" + String.join(",", json) + "]}");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
