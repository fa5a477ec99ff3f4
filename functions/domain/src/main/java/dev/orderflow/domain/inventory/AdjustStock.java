package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.CatalogStore;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterDirectory;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.FulfillmentCenterNotFound;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.ProductNotFound;
import dev.orderflow.domain.identity.Admins;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.region.AwsRegion;
import java.util.List;
import java.util.Objects;

/**
 * Use case: an admin reads a product's stock per center and corrects it by relative adjustments
 * (goods received, counted, damaged), which never race the saga's reservations.
 */
public final class AdjustStock {

    /** Larger corrections than this in one call are typos. */
    public static final int MAX_DELTA = 1_000_000;

    private final CatalogStore catalog;
    private final CenterDirectory centers;
    private final StockLedger ledger;
    private final AwsRegion here;

    /**
     * @param here the region this runs in: only a center's home region changes its stock
     */
    public AdjustStock(
            CatalogStore catalog, CenterDirectory centers, StockLedger ledger, AwsRegion here) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.centers = Objects.requireNonNull(centers, "centers");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.here = Objects.requireNonNull(here, "here");
    }

    /**
     * The product's stock in every center that has a record of it.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws ProductNotFound if the catalog has no such product
     */
    public List<StockPosition> positions(Caller caller, Sku sku) {
        Admins.require(caller);
        requireProduct(sku);
        return ledger.positionsOf(sku);
    }

    /**
     * How many stock shards the product's reservations spread over.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws ProductNotFound if the catalog has no such product
     */
    public int shardCount(Caller caller, Sku sku) {
        Admins.require(caller);
        requireProduct(sku);
        return ledger.shardCount(sku);
    }

    /**
     * Splits a hot product's units at each center over {@code shards} stock shards, so that
     * concurrent reservations write different items (1 puts them back in one).
     *
     * @return the positions after it
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws InvalidInput if the count is not between 1 and {@link ShardBalance#MAX_SHARDS}
     * @throws ProductNotFound if the catalog has no such product
     */
    public List<StockPosition> reshard(Caller caller, Sku sku, int shards) {
        Admins.require(caller);
        if (shards < 1 || shards > ShardBalance.MAX_SHARDS) {
            throw InvalidInput.of(
                    "shards", "must be a whole number between 1 and " + ShardBalance.MAX_SHARDS);
        }
        requireProduct(sku);
        return ledger.reshard(sku, shards);
    }

    /**
     * Adds {@code delta} units (negative to remove) to what the center can promise.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws InvalidInput if delta is 0 or beyond {@link #MAX_DELTA} either way
     * @throws ProductNotFound if the catalog has no such product
     * @throws FulfillmentCenterNotFound if there is no such center
     * @throws dev.orderflow.domain.error.HomedInAnotherRegion if the center is homed in another
     *     region (nothing is written)
     * @throws dev.orderflow.domain.error.InsufficientStock if fewer units are available than a
     *     negative delta removes
     */
    public StockPosition adjust(Caller caller, Sku sku, CenterId center, int delta) {
        Admins.require(caller);
        if (delta == 0 || Math.abs((long) delta) > MAX_DELTA) {
            throw InvalidInput.of(
                    "delta",
                    "must be a non-zero whole number between -" + MAX_DELTA + " and " + MAX_DELTA);
        }
        requireProduct(sku);
        centers.find(center)
                .orElseThrow(() -> new FulfillmentCenterNotFound(center.value()))
                .requireHomedIn(here);
        return ledger.adjust(sku, center, delta);
    }

    private void requireProduct(Sku sku) {
        if (catalog.find(sku).isEmpty()) {
            throw new ProductNotFound(sku.value());
        }
    }
}
