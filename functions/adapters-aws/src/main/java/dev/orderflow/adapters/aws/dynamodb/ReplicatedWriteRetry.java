package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;

/**
 * Retries a write to a multi-Region strongly consistent table that met a write to the same item
 * from another region ({@code ReplicatedWriteConflictException}: nothing was applied, and AWS calls
 * it safe to retry), after a jittered, growing pause; after the last attempt the conflict is a
 * {@link DependencyUnavailable}, which the saga's {@code Retry} retries with its own back-off.
 * Counts every conflict it met: how contended the stock is across regions. Thread-safe.
 */
final class ReplicatedWriteRetry {

    static final int ATTEMPTS = 5;

    /** The first pause's upper bound; each further one doubles it, up to {@link #MAX_PAUSE}. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);

    private static final Duration MAX_PAUSE = Duration.ofMillis(200);

    private final LongAdder conflicts = new LongAdder();

    /**
     * Runs the call, again after each replicated write conflict, {@link #ATTEMPTS} times at most.
     */
    <T> T run(String dependency, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return DynamoErrors.translate(dependency, call);
            } catch (ReplicatedWriteConflictException e) {
                conflicts.increment();
                if (attempt == ATTEMPTS) {
                    throw new DependencyUnavailable(dependency, e);
                }
                pause(attempt, dependency, e);
            }
        }
    }

    /** How many conflicts the writes met so far, retried or given up on. */
    long conflicts() {
        return conflicts.sum();
    }

    /** "Full jitter": a random pause up to a bound that doubles with each attempt. */
    private static void pause(int attempt, String dependency, RuntimeException conflict) {
        long bound = Math.min(MAX_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << (attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailable(dependency, conflict);
        }
    }
}
