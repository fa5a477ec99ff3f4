package dev.orderflow.domain.inventory;

/**
 * Units moved from one stock shard of a product at a center to another, in one atomic write.
 *
 * @param from the shard giving units
 * @param to the shard receiving them
 * @param units how many, at least 1
 */
public record ShardMove(int from, int to, int units) {
    public ShardMove {
        if (from < 0 || to < 0 || from == to || units < 1) {
            throw new IllegalArgumentException(
                    "move of " + units + " units from shard " + from + " to " + to);
        }
    }
}
