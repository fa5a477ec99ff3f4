package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the products table's scan position into an opaque, URL-safe cursor and back. The version
 * prefix lets the layout change without breaking cursors already handed out.
 */
final class ProductCursorCodec {

    private static final String PREFIX = "p1:";

    private ProductCursorCodec() {}

    static Cursor.After encode(String lastSku) {
        byte[] raw = (PREFIX + lastSku).getBytes(StandardCharsets.UTF_8);
        return new Cursor.After(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    static Map<String, AttributeValue> decode(Cursor.After cursor) {
        String text;
        try {
            text =
                    new String(
                            Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (!text.startsWith(PREFIX)) {
            throw notOurs();
        }
        try {
            Sku sku = new Sku(text.substring(PREFIX.length()));
            return Map.of(ProductItem.SKU, AttributeValue.fromS(sku.value()));
        } catch (InvalidInput e) {
            throw notOurs();
        }
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor returned by this API");
    }
}
