package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Pages of the products table ({@link ProductItem} layout) read by Scan, with cursors by sku. */
final class ProductScans {

    /**
     * Scan round trips per page at most: a scan can stop early at 1 MB, and a filter can drop most
     * of what one read returns, so this keeps a page's work bounded.
     */
    static final int MAX_SCANS_PER_PAGE = 10;

    private ProductScans() {}

    /**
     * One page of what the scan returns, from the request's cursor on.
     *
     * @param scan the table, limit and any filter; each read continues it from where the last one
     *     stopped
     */
    static Page<Product> page(DynamoDbClient dynamo, ScanRequest scan, PageRequest request) {
        Map<String, AttributeValue> startKey =
                request.cursor() instanceof Cursor.After after
                        ? ProductCursorCodec.decode(after)
                        : null;
        return FilteredPages.fill(
                request.limit(),
                MAX_SCANS_PER_PAGE,
                startKey,
                from -> {
                    ScanRequest read =
                            from == null ? scan : scan.toBuilder().exclusiveStartKey(from).build();
                    ScanResponse response =
                            DynamoErrors.translate("products table", () -> dynamo.scan(read));
                    return new FilteredPages.Read(response.items(), response.lastEvaluatedKey());
                },
                ProductItem::fromItem,
                key -> ProductCursorCodec.encode(key.get(ProductItem.SKU).s()));
    }
}
