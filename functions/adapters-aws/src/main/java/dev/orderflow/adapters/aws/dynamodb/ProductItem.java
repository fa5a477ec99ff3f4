package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a {@link Product} is laid out as an item of the products table (partition key {@code sku}).
 */
final class ProductItem {

    static final String SKU = "sku";
    static final String NAME = "name";
    static final String PRICE_MINOR = "priceMinor";
    static final String CURRENCY = "currency";
    static final String ACTIVE = "active";

    private ProductItem() {}

    static Map<String, AttributeValue> toItem(Product product) {
        return Map.of(
                SKU, AttributeValue.fromS(product.sku().value()),
                NAME, AttributeValue.fromS(product.name()),
                PRICE_MINOR, AttributeValue.fromN(Long.toString(product.price().amountMinor())),
                CURRENCY, AttributeValue.fromS(product.price().currency().getCurrencyCode()),
                ACTIVE, AttributeValue.fromBool(product.active()));
    }

    static Product fromItem(Map<String, AttributeValue> item) {
        String sku = string(item, SKU);
        try {
            return new Product(
                    new Sku(sku),
                    string(item, NAME),
                    Money.ofMinor(
                            Long.parseLong(number(item, PRICE_MINOR)), string(item, CURRENCY)),
                    Boolean.TRUE.equals(required(item, ACTIVE).bool()));
        } catch (RuntimeException e) {
            // A row that breaks the domain's rules was written around the admin API: a bug to fix.
            throw new IllegalStateException(
                    "product item '" + sku + "' is malformed: " + e.getMessage(), e);
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        String value = required(item, name).s();
        if (value == null) {
            throw new IllegalStateException("product attribute '" + name + "' is not a string");
        }
        return value;
    }

    private static String number(Map<String, AttributeValue> item, String name) {
        String value = required(item, name).n();
        if (value == null) {
            throw new IllegalStateException("product attribute '" + name + "' is not a number");
        }
        return value;
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException(
                    "product item " + item.get(SKU) + " lacks attribute '" + name + "'");
        }
        return value;
    }
}
