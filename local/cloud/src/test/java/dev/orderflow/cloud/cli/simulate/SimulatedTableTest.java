package dev.orderflow.cloud.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The partition mapping on cases worked out by hand. MD5 digests (first byte): "a" 0c, "b" 92, "c"
 * 4a, "d" 82. With two partitions the first owns hashes below 2^63 (first byte under 0x80).
 */
class SimulatedTableTest {

    /** Limits that split at the limit itself, after one second, and at 1,000 stored bytes. */
    private static final PartitionLimits LIMITS = new PartitionLimits(1_000, 3_000, 1_000, 1.0, 1);

    @Test
    void position_isTheFirst64BitsOfMd5_inUnsignedOrder() {
        assertThat(KeyHash.position("a")).isEqualTo(0x0cc175b9c0f1b6a8L ^ Long.MIN_VALUE);
        assertThat(KeyHash.position("b")).isGreaterThan(KeyHash.position("a"));
    }

    @Test
    void twoPartitions_splitTheHashSpaceAtItsMiddle() {
        SimulatedTable table = new SimulatedTable("t", 2, LIMITS);

        assertThat(table.partitionOf("a")).isZero();
        assertThat(table.partitionOf("c")).isZero();
        assertThat(table.partitionOf("b")).isEqualTo(1);
        assertThat(table.partitionOf("d")).isEqualTo(1);
    }

    @Test
    void partitionOverItsWriteLimit_isThrottled_thenSplitsBetweenItsKeys() {
        SimulatedTable table = new SimulatedTable("t", 2, LIMITS);
        writeSecond(table, "a", 600);
        writeSecond(table, "c", 600);

        TableSecond first = table.endSecond();

        // 1,200 units on partition 0: 120%; 200 of its 1,200 requests are over the limit.
        assertThat(first.hottestWriteShare()).isCloseTo(1.2, within(1e-9));
        assertThat(first.throttled()).isCloseTo(200, within(1e-6));
        assertThat(table.partitionCount()).isEqualTo(3);
        assertThat(table.partitionOf("a")).isNotEqualTo(table.partitionOf("c"));

        writeSecond(table, "a", 600);
        writeSecond(table, "c", 600);
        TableSecond second = table.endSecond();
        assertThat(second.hottestWriteShare()).isCloseTo(0.6, within(1e-9));
        assertThat(second.throttled()).isZero();
    }

    @Test
    void oneHotKey_cannotSplit_andStaysThrottled() {
        SimulatedTable table = new SimulatedTable("t", 2, LIMITS);
        TableSecond last = null;
        for (int s = 0; s < 3; s++) {
            writeSecond(table, "a", 1_500);
            last = table.endSecond();
        }

        assertThat(table.partitionCount()).isEqualTo(2);
        assertThat(last.hottestWriteShare()).isCloseTo(1.5, within(1e-9));
        assertThat(last.throttled()).isCloseTo(500, within(1e-6));
    }

    @Test
    void partitionOverItsSize_splitsItsData() {
        SimulatedTable table = new SimulatedTable("t", 2, LIMITS);
        table.store("a", 600);
        table.store("c", 600);

        table.endSecond();

        assertThat(table.partitionCount()).isEqualTo(3);
        assertThat(table.partitionOf("a")).isNotEqualTo(table.partitionOf("c"));
    }

    @Test
    void readsCountAgainstTheReadLimit() {
        SimulatedTable table = new SimulatedTable("t", 1, LIMITS);
        table.read("b", 1_500);

        TableSecond second = table.endSecond();

        assertThat(second.hottestReadShare()).isCloseTo(0.5, within(1e-9));
        assertThat(second.hottestWriteShare()).isZero();
    }

    private static void writeSecond(SimulatedTable table, String key, int writes) {
        for (int i = 0; i < writes; i++) {
            table.write(key, 1, 0);
        }
    }
}
