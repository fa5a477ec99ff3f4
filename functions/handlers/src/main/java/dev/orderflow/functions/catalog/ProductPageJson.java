package dev.orderflow.functions.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import java.util.List;

/** The JSON body of {@code GET /products}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProductPageJson(List<ProductJson> items, String nextCursor) {

    record ProductJson(String sku, String name, PriceJson price) {}

    /** Amount as a decimal string so no client rounds it through a float. */
    record PriceJson(String amount, String currency) {}

    static ProductPageJson from(Page<Product> page) {
        List<ProductJson> items =
                page.items().stream()
                        .map(
                                p ->
                                        new ProductJson(
                                                p.sku().value(),
                                                p.name(),
                                                new PriceJson(
                                                        p.price().decimalAmount().toPlainString(),
                                                        p.price().currency().getCurrencyCode())))
                        .toList();
        return new ProductPageJson(items, page.next().map(Cursor.After::token).orElse(null));
    }
}
