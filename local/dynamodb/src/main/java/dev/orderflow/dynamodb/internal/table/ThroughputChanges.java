package dev.orderflow.dynamodb.internal.table;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a table's provisioned throughput last went up and down, and how often it went down this UTC
 * day, as DescribeTable reports it. DynamoDB allows four decreases at any time of a UTC day and
 * then one more whenever the last decrease is an hour old (Developer Guide, "Service, account, and
 * table quotas": at most 27 a day); increases are not limited. Kept in memory (a restart with
 * {@code --data-dir} forgets it).
 */
public final class ThroughputChanges {

    /** Decreases allowed in a UTC day before the hourly rule applies. */
    static final int FREE_DECREASES = 4;

    private static final Duration DECREASE_INTERVAL = Duration.ofHours(1);

    private Instant lastIncrease;
    private Instant lastDecrease;
    private LocalDate decreaseDay;
    private int decreasesThatDay;

    public Optional<Instant> lastIncrease() {
        return Optional.ofNullable(lastIncrease);
    }

    public Optional<Instant> lastDecrease() {
        return Optional.ofNullable(lastDecrease);
    }

    /** Decreases on the UTC day of {@code now}. */
    public int decreasesToday(Instant now) {
        return dayOf(now).equals(decreaseDay) ? decreasesThatDay : 0;
    }

    /** Whether one more decrease is allowed at {@code now}. */
    public boolean mayDecrease(Instant now) {
        return decreasesToday(now) < FREE_DECREASES
                || !now.isBefore(lastDecrease.plus(DECREASE_INTERVAL));
    }

    /** When the next decrease is allowed, once {@link #mayDecrease} says no. */
    public Instant nextDecreaseAllowed() {
        return lastDecrease.plus(DECREASE_INTERVAL);
    }

    /** Records a change from (read, write) to (newRead, newWrite) made at {@code now}. */
    public void record(long read, long write, long newRead, long newWrite, Instant now) {
        if (newRead > read || newWrite > write) {
            lastIncrease = now;
        }
        if (newRead < read || newWrite < write) {
            decreasesThatDay = decreasesToday(now) + 1;
            decreaseDay = dayOf(now);
            lastDecrease = now;
        }
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
