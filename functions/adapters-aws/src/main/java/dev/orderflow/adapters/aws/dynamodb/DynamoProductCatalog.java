package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.ProductCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The catalog in a DynamoDB table keyed by {@code sku}. Listing scans the table: the catalog is
 * small (thousands of rows), read-mostly and cacheable, so a scan costs less than a GSI that every
 * product write would have to maintain.
 */
public final class DynamoProductCatalog implements ProductCatalog {

    /** BatchGetItem takes at most 100 keys. */
    private static final int BATCH_GET_LIMIT = 100;

    /** Rounds of retrying unprocessed keys before giving up as throttled. */
    private static final int MAX_BATCH_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String tableName;

    /** Creates the adapter over a client and the products table's name. */
    public DynamoProductCatalog(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Page<Product> activeProducts(PageRequest request) {
        return ProductScans.page(
                dynamo,
                ScanRequest.builder()
                        .tableName(tableName)
                        .limit(request.limit())
                        .filterExpression("#active = :true")
                        .expressionAttributeNames(Map.of("#active", ProductItem.ACTIVE))
                        .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                        .build(),
                request);
    }

    @Override
    public Map<Sku, Product> productsBySku(Set<Sku> skus) {
        Map<Sku, Product> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys =
                skus.stream()
                        .map(s -> Map.of(ProductItem.SKU, AttributeValue.fromS(s.value())))
                        .toList();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> pending =
                    Map.of(
                            tableName,
                            KeysAndAttributes.builder()
                                    .keys(
                                            keys.subList(
                                                    from,
                                                    Math.min(keys.size(), from + BATCH_GET_LIMIT)))
                                    .consistentRead(true)
                                    .build());
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_BATCH_ROUNDS) {
                    throw new DependencyUnavailable(
                            "products table", new IllegalStateException("keys stayed unprocessed"));
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response =
                        DynamoErrors.translate(
                                "products table",
                                () -> dynamo.batchGetItem(b -> b.requestItems(request)));
                response.responses()
                        .getOrDefault(tableName, List.of())
                        .forEach(
                                item -> {
                                    Product p = ProductItem.fromItem(item);
                                    found.put(p.sku(), p);
                                });
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }
}
