package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.CatalogStore;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The admin side of the products table ({@link ProductItem} layout): every product, active or not.
 * A save is one unconditional {@code PutItem} of the whole product, so repeating it is harmless;
 * the old image it returns tells a creation from a replacement without a racy read first.
 */
public final class DynamoCatalogStore implements CatalogStore {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final KeyedTable products;

    public DynamoCatalogStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.products = new KeyedTable(dynamo, tableName, "products table", ProductItem.SKU);
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return products.read(sku.value()).map(ProductItem::fromItem);
    }

    @Override
    public boolean save(Product product) {
        return products.replace(ProductItem.toItem(product));
    }

    @Override
    public Page<Product> allProducts(PageRequest request) {
        return ProductScans.page(
                dynamo,
                ScanRequest.builder().tableName(tableName).limit(request.limit()).build(),
                request);
    }
}
