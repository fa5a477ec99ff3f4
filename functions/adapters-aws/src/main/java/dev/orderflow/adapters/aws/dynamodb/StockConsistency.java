package dev.orderflow.adapters.aws.dynamodb;

/**
 * How the inventory table replicates, which decides how the inventory adapters write to it
 * (docs/multi-region.md, decision 5).
 */
public enum StockConsistency {
    /** A regional table (or MREC): several rows change together in one transaction. */
    EVENTUAL,
    /**
     * A multi-Region strongly consistent (MRSC) global table, which rejects transactions: every row
     * changes in its own conditional write, undone when a later one fails.
     */
    STRONG
}
