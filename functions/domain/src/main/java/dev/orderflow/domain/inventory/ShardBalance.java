package dev.orderflow.domain.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * How a product's units at a center are spread over its stock shards: evenly over the shards in
 * use, none in shards beyond them (left over when the shard count was lowered). Moves between
 * shards are planned here and applied one atomic write each, so no unit is ever lost or counted
 * twice in between.
 */
public final class ShardBalance {

    /** The most shards a product may have: a reservation reads each, an addition writes each. */
    public static final int MAX_SHARDS = 64;

    private ShardBalance() {}

    /**
     * {@code units} spread over {@code shards} shards: each gets the same, the first ones one more
     * until the remainder is used.
     */
    public static List<Integer> spread(long units, int shards) {
        requireShardCount(shards);
        if (units < 0) {
            throw new IllegalArgumentException("units cannot be negative: " + units);
        }
        List<Integer> spread = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            spread.add((int) (units / shards + (i < units % shards ? 1 : 0)));
        }
        return spread;
    }

    /**
     * The moves that turn {@code available} (units per shard, as many shards as have rows) into an
     * even spread over the first {@code shards} of them. Every move takes from a shard above its
     * share and gives to one below, so applying them in order never takes a shard below zero.
     *
     * @return the moves; empty when the units are spread already
     */
    public static List<ShardMove> moves(List<Integer> available, int shards) {
        requireShardCount(shards);
        int rows = Math.max(available.size(), shards);
        long total = 0;
        for (int units : available) {
            total += units;
        }
        List<Integer> target = spread(total, shards);
        int[] excess = new int[rows];
        for (int i = 0; i < rows; i++) {
            int now = i < available.size() ? available.get(i) : 0;
            excess[i] = now - (i < shards ? target.get(i) : 0);
        }
        List<ShardMove> moves = new ArrayList<>();
        int receiver = 0;
        for (int giver = 0; giver < rows; giver++) {
            while (excess[giver] > 0) {
                while (excess[receiver] >= 0) {
                    receiver++;
                }
                int units = Math.min(excess[giver], -excess[receiver]);
                moves.add(new ShardMove(giver, receiver, units));
                excess[giver] -= units;
                excess[receiver] += units;
            }
        }
        return moves;
    }

    /** Refuses a shard count outside 1 to {@link #MAX_SHARDS} with IllegalArgumentException. */
    public static void requireShardCount(int shards) {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException(
                    "shard count must be between 1 and " + MAX_SHARDS + ": " + shards);
        }
    }
}
