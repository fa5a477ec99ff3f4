package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cursors of a customer's order listing. A cursor is bound to the customer it was issued to: a
 * cursor edited to name another customer is refused, so it cannot page through their orders.
 */
final class OrderCursorCodec {

    private static final String VERSION = "o1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OrderCursorCodec() {}

    static Cursor.After encode(String customerId, Map<String, AttributeValue> lastKey) {
        String token =
                String.join(
                        ".",
                        VERSION,
                        part(customerId),
                        part(lastKey.get("gsi1sk").s()),
                        part(lastKey.get("pk").s()));
        return new Cursor.After(token);
    }

    /** The index position to continue from, for this customer's listing only. */
    static Map<String, AttributeValue> decode(Cursor.After cursor, String customerId) {
        String[] parts = cursor.token().split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw notOurs();
        }
        try {
            if (!customerId.equals(text(parts[1]))) {
                throw notOurs();
            }
            String sortKey = text(parts[2]);
            String pk = text(parts[3]);
            if (OrderKeys.order(pk).isEmpty()) {
                throw notOurs();
            }
            return Map.of(
                    "pk", AttributeValue.fromS(pk),
                    "sk", AttributeValue.fromS(OrderItem.SK),
                    "gsi1pk", AttributeValue.fromS("CUSTOMER#" + customerId),
                    "gsi1sk", AttributeValue.fromS(sortKey));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    private static String part(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String part) {
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor returned by this API");
    }
}
