package dev.orderflow.domain.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the stock shards a reservation takes its units from. Concurrent buyers of a hot product
 * start at different random shards, so their writes spread over the shards' partitions instead of
 * meeting on one row; a buyer whose start shard runs short takes the rest from the next ones.
 */
public final class ShardPicker {

    private ShardPicker() {}

    /**
     * Takes {@code units} from the shards, beginning at {@code start} and wrapping around: as much
     * as each holds until enough is taken.
     *
     * @param shards units available per shard
     * @param units how many to take, at least 1
     * @param start the first shard to take from, {@code 0 <= start < shards.size()}
     * @return the takes, in the order taken; empty if the shards hold fewer than {@code units}
     *     together
     */
    public static List<ShardTake> take(List<Integer> shards, int units, int start) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1: " + units);
        }
        if (start < 0 || start >= shards.size()) {
            throw new IllegalArgumentException(
                    "start " + start + " outside 0.." + (shards.size() - 1));
        }
        List<ShardTake> takes = new ArrayList<>();
        int missing = units;
        for (int i = 0; i < shards.size() && missing > 0; i++) {
            int shard = (start + i) % shards.size();
            int take = Math.min(shards.get(shard), missing);
            if (take > 0) {
                takes.add(new ShardTake(shard, take));
                missing -= take;
            }
        }
        return missing == 0 ? List.copyOf(takes) : List.of();
    }
}
