package dev.orderflow.domain.inventory;

/**
 * Units taken from one stock shard.
 *
 * @param shard the shard's number, from 0
 * @param units how many, at least 1
 */
public record ShardTake(int shard, int units) {
    public ShardTake {
        if (shard < 0 || units < 1) {
            throw new IllegalArgumentException("shard " + shard + ", units " + units);
        }
    }
}
