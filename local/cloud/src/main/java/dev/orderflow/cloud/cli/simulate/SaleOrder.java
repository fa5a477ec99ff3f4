package dev.orderflow.cloud.cli.simulate;

/**
 * One simulated order of one line.
 *
 * @param id its order id
 * @param customer who placed it
 * @param sku the product
 * @param center the center it is allocated to
 * @param stockKey the partition key of the inventory row its units come from ({@code <sku>} for
 *     shard 0, {@code <sku>#<i>} for shard i)
 * @param statusShard its shard of the {@code byStatus} index
 */
record SaleOrder(
        String id, String customer, String sku, String center, String stockKey, int statusShard) {

    String pk() {
        return "ORDER#" + id;
    }
}
