package dev.orderflow.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a finished order stays in the live store before it moves to the {@link OrderArchive}.
 * Only an order in a terminal state ({@link OrderStatus#isTerminal()}) ever expires: an order the
 * saga or a customer can still change stays live however old it is.
 *
 * @param keep how long a finished order stays live after its last change; positive
 */
public record Retention(Duration keep) {

    /**
     * @throws IllegalArgumentException if {@code keep} is zero or negative
     */
    public Retention {
        Objects.requireNonNull(keep, "keep");
        if (keep.isZero() || keep.isNegative()) {
            throw new IllegalArgumentException("retention must be positive, was " + keep);
        }
    }

    /**
     * Keeps finished orders this many days.
     *
     * @throws IllegalArgumentException if {@code days} is not positive
     */
    public static Retention ofDays(long days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be at least one day, was " + days);
        }
        return new Retention(Duration.ofDays(days));
    }

    /**
     * When this version of an order leaves the live store: {@link #keep()} after it reached its
     * terminal state, or empty while it is not finished (such an order never expires).
     */
    public Optional<Instant> expiryOf(Order order) {
        if (!order.status().isTerminal()) {
            return Optional.empty();
        }
        return Optional.of(order.updatedAt().plus(keep));
    }
}
