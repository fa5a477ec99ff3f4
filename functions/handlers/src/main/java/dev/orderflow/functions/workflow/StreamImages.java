package dev.orderflow.functions.workflow;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.orderflow.adapters.aws.dynamodb.OrderStreamRecords;
import dev.orderflow.domain.region.AwsRegion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stream record's image as the Lambda event carries it, in the SDK's attribute values that the
 * adapters read. Only the types the orders table stores (strings, numbers, booleans, null, lists,
 * maps) occur; a set or binary value is refused as a malformed record.
 */
final class StreamImages {

    private StreamImages() {}

    /**
     * The home region of the order item a record carries (new image, else old image); empty when it
     * has none.
     */
    static Optional<AwsRegion> homeRegionOf(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null) {
            return Optional.empty();
        }
        return OrderStreamRecords.homeRegionOf(
                sdk(record.getDynamodb().getNewImage()), sdk(record.getDynamodb().getOldImage()));
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk(
            Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out =
                new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> out.put(name, sdk(value)));
        }
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(
            AttributeValue v) {
        if (v.getS() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(
                    v.getBOOL());
        }
        if (Boolean.TRUE.equals(v.getNULL())) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true);
        }
        if (v.getL() != null) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list =
                    v.getL().stream().map(StreamImages::sdk).toList();
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(list);
        }
        if (v.getM() != null) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(
                    sdk(v.getM()));
        }
        throw dev.orderflow.domain.error.InvalidInput.of(
                "dynamodb.OldImage", "holds a value of a type the orders table never stores");
    }
}
