package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardBalanceTest {

    @Test
    void spread_givesEachShardTheSame_andTheFirstOnesTheRemainder() {
        assertThat(ShardBalance.spread(10, 4)).containsExactly(3, 3, 2, 2);
        assertThat(ShardBalance.spread(3, 4)).containsExactly(1, 1, 1, 0);
        assertThat(ShardBalance.spread(7, 1)).containsExactly(7);
    }

    @Test
    void shardCounts_outsideOneToMax_areRefused() {
        assertThatThrownBy(() -> ShardBalance.spread(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardBalance.moves(List.of(1), ShardBalance.MAX_SHARDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moves_fillNewShards_fromTheFullOnes() {
        assertThat(ShardBalance.moves(List.of(8), 4))
                .containsExactly(
                        new ShardMove(0, 1, 2), new ShardMove(0, 2, 2), new ShardMove(0, 3, 2));
    }

    @Test
    void moves_emptyShardsBeyondALoweredCount_intoTheOnesInUse() {
        assertThat(ShardBalance.moves(List.of(1, 1, 3, 3), 2))
                .containsExactly(new ShardMove(2, 0, 3), new ShardMove(3, 1, 3));
    }

    @Test
    void moves_areNone_whenTheUnitsAreSpreadAlready() {
        assertThat(ShardBalance.moves(List.of(3, 3, 2, 2), 4)).isEmpty();
        assertThat(ShardBalance.moves(List.of(0, 0), 2)).isEmpty();
    }

    /**
     * For random layouts and counts: applying the moves in order never takes a shard below zero,
     * keeps every unit, and ends in the even spread.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void moves_keepEveryUnit_neverGoNegative_andEndEven(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 2_000; run++) {
            int rows = 1 + random.nextInt(20);
            List<Integer> available = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                available.add(random.nextInt(3) == 0 ? 0 : random.nextInt(50));
            }
            int shards = 1 + random.nextInt(24);
            int[] now = new int[Math.max(rows, shards)];
            for (int i = 0; i < rows; i++) {
                now[i] = available.get(i);
            }
            long total = available.stream().mapToLong(Integer::longValue).sum();

            for (ShardMove move : ShardBalance.moves(available, shards)) {
                now[move.from()] -= move.units();
                now[move.to()] += move.units();
                assertThat(now[move.from()]).isNotNegative();
            }

            List<Integer> expected = new ArrayList<>(ShardBalance.spread(total, shards));
            while (expected.size() < now.length) {
                expected.add(0);
            }
            assertThat(now)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
