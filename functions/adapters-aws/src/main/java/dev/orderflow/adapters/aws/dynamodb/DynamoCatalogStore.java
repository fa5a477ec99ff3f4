package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.CatalogStore;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The admin side of the products table ({@link ProductItem} layout): every product, active or not.
 * A save is one unconditional {@code PutItem} of the whole product, so repeating it is harmless;
 * the old image it returns tells a creation from a replacement without a racy read first.
 */
public final class DynamoCatalogStore implements CatalogStore {

    /** Scan round trips per page at most (a scan can stop early at 1 MB). */
    private static final int MAX_SCANS_PER_PAGE = 10;

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoCatalogStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Optional<Product> find(Sku sku) {
        GetItemResponse response =
                DynamoErrors.translate(
                        "products table",
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(tableName)
                                                        .consistentRead(true)
                                                        .key(
                                                                Map.of(
                                                                        ProductItem.SKU,
                                                                        AttributeValue.fromS(
                                                                                sku.value())))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProductItem.fromItem(response.item()));
    }

    @Override
    public boolean save(Product product) {
        PutItemResponse response =
                DynamoErrors.translate(
                        "products table",
                        () ->
                                dynamo.putItem(
                                        p ->
                                                p.tableName(tableName)
                                                        .item(ProductItem.toItem(product))
                                                        .returnValues(ReturnValue.ALL_OLD)));
        return !response.hasAttributes() || response.attributes().isEmpty();
    }

    @Override
    public Page<Product> allProducts(PageRequest request) {
        Map<String, AttributeValue> startKey =
                request.cursor() instanceof Cursor.After after
                        ? ProductCursorCodec.decode(after)
                        : null;
        return FilteredPages.fill(
                request.limit(),
                MAX_SCANS_PER_PAGE,
                startKey,
                from -> {
                    ScanRequest.Builder scan =
                            ScanRequest.builder().tableName(tableName).limit(request.limit());
                    if (from != null) {
                        scan.exclusiveStartKey(from);
                    }
                    ScanResponse response =
                            DynamoErrors.translate(
                                    "products table", () -> dynamo.scan(scan.build()));
                    return new FilteredPages.Read(response.items(), response.lastEvaluatedKey());
                },
                ProductItem::fromItem,
                key -> ProductCursorCodec.encode(key.get(ProductItem.SKU).s()));
    }
}
