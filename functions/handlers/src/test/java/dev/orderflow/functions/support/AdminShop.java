package dev.orderflow.functions.support;

import dev.orderflow.domain.catalog.ManageCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.ManageCenters;
import dev.orderflow.domain.inventory.AdjustStock;
import dev.orderflow.domain.inventory.StockPosition;
import dev.orderflow.domain.order.BrowseOrdersByStatus;
import dev.orderflow.domain.testfixtures.InMemoryCatalogStore;
import dev.orderflow.domain.testfixtures.InMemoryCenterDirectory;
import dev.orderflow.domain.testfixtures.InMemoryOrdersByStatus;
import dev.orderflow.domain.testfixtures.InMemoryStockLedger;
import java.util.Map;

/** The admin side of {@link Shop}: its products, one center, some stock and its stored order. */
public final class AdminShop {

    public static final Sku MUG = new Sku("MUG-BLUE");
    public static final CenterId MUNICH = new CenterId("FC-MUC");

    public final Shop shop = new Shop();
    public final InMemoryCatalogStore catalog = new InMemoryCatalogStore().with(Shop.products());
    public final InMemoryCenterDirectory centers =
            new InMemoryCenterDirectory()
                    .with(new FulfillmentCenter(MUNICH, "Munich", Map.of("DE-BY", 10)));
    public final InMemoryStockLedger stock =
            new InMemoryStockLedger().with(new StockPosition(MUG, MUNICH, 5, 2));
    public final InMemoryOrdersByStatus ordersByStatus =
            new InMemoryOrdersByStatus().with(shop.orders.find(Shop.STORED_ORDER).orElseThrow());

    public ManageCatalog manageCatalog() {
        return new ManageCatalog(catalog);
    }

    public ManageCenters manageCenters() {
        return new ManageCenters(centers);
    }

    public AdjustStock adjustStock() {
        return new AdjustStock(catalog, centers, stock, Shop.HERE);
    }

    public BrowseOrdersByStatus browseOrdersByStatus() {
        return new BrowseOrdersByStatus(ordersByStatus);
    }
}
