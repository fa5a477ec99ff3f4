package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardPickerTest {

    @Test
    void take_startsAtTheGivenShard_andWrapsAroundWhenItRunsShort() {
        assertThat(ShardPicker.take(List.of(5, 0, 2, 1), 4, 2))
                .containsExactly(new ShardTake(2, 2), new ShardTake(3, 1), new ShardTake(0, 1));
        assertThat(ShardPicker.take(List.of(5, 0, 2, 1), 2, 0))
                .containsExactly(new ShardTake(0, 2));
    }

    @Test
    void take_isEmpty_whenTheShardsTogetherHoldTooFew() {
        assertThat(ShardPicker.take(List.of(1, 1, 1), 4, 1)).isEmpty();
        assertThat(ShardPicker.take(List.of(0), 1, 0)).isEmpty();
    }

    @Test
    void take_refusesAStartOutsideTheShards_orNoUnits() {
        assertThatThrownBy(() -> ShardPicker.take(List.of(1, 1), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardPicker.take(List.of(1, 1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * For random shards, units and starts: the takes are exact and within what each shard holds.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void take_neverTakesMoreThanAShardHolds_norMoreOrLessThanAsked(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 2_000; run++) {
            List<Integer> shards = new ArrayList<>();
            int count = 1 + random.nextInt(16);
            for (int i = 0; i < count; i++) {
                shards.add(random.nextInt(4));
            }
            int total = shards.stream().mapToInt(Integer::intValue).sum();
            int units = 1 + random.nextInt(20);

            List<ShardTake> takes = ShardPicker.take(shards, units, random.nextInt(count));

            if (total < units) {
                assertThat(takes).isEmpty();
                continue;
            }
            assertThat(takes.stream().mapToInt(ShardTake::units).sum()).isEqualTo(units);
            Set<Integer> used = new HashSet<>();
            for (ShardTake take : takes) {
                assertThat(used.add(take.shard())).as("each shard taken from once").isTrue();
                assertThat(take.units()).isLessThanOrEqualTo(shards.get(take.shard()));
            }
        }
    }

    /**
     * Buyers plan on stale copies of the levels and apply their takes all-or-nothing, each take
     * conditional on the shard still holding the units, as the store does: however they interleave,
     * nothing is sold twice and no unit is lost.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void conditionalTakesOnStaleLevels_neverOversell_andLoseNoUnit(long seed) {
        Random random = new Random(seed);
        int[] shards = new int[16];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = 20 + random.nextInt(20);
        }
        int initial = java.util.Arrays.stream(shards).sum();
        List<List<Integer>> views = new ArrayList<>();
        int sold = 0;
        for (int order = 0; order < 5_000; order++) {
            if (views.isEmpty() || random.nextInt(4) == 0) {
                views.add(java.util.Arrays.stream(shards).boxed().toList()); // a new stale copy
            }
            List<Integer> view = views.get(random.nextInt(views.size()));
            int units = 1 + random.nextInt(3);
            List<ShardTake> takes = ShardPicker.take(view, units, random.nextInt(shards.length));
            boolean holds =
                    !takes.isEmpty()
                            && takes.stream().allMatch(t -> shards[t.shard()] >= t.units());
            if (holds) {
                takes.forEach(t -> shards[t.shard()] -= t.units());
                sold += units;
            }
            for (int units2 : shards) {
                assertThat(units2).isNotNegative();
            }
        }
        assertThat(sold + java.util.Arrays.stream(shards).sum()).isEqualTo(initial);
        assertThat(sold).isLessThanOrEqualTo(initial);
    }

    /** With plenty in every shard, random starts spread the first take evenly over the shards. */
    @Test
    void randomStarts_spreadTheWritesEvenly() {
        Random random = new Random(7);
        List<Integer> shards = java.util.Collections.nCopies(16, 1_000);
        int[] writes = new int[16];
        for (int order = 0; order < 16_000; order++) {
            ShardPicker.take(shards, 1, random.nextInt(16)).forEach(t -> writes[t.shard()]++);
        }
        for (int count : writes) {
            assertThat(count).isBetween(850, 1_150); // 1,000 expected; 3 standard deviations ~ 95
        }
    }
}
