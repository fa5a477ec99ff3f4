package dev.orderflow.states.internal.exec;

import dev.orderflow.states.internal.model.Retrier;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A state's Retry field in use: how often each retrier has fired, and the wait before the next
 * attempt (interval × backoff^count, capped by MaxDelaySeconds, with optional full jitter).
 */
final class Retries {
    private final List<Retrier> retriers;
    private int[] counts;
    private int total;

    Retries(List<Retrier> retriers) {
        this.retriers = retriers;
    }

    /** Takes the counts journaled before a restart. */
    void restore(int[] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * The wait before retrying after {@code error}, counting the retry; null when the first retrier
     * that matches is exhausted or none matches (then Catch decides).
     */
    Duration next(String error, boolean task, Random random) {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier r = retriers.get(i);
            if (!ErrorMatcher.matches(r.errorEquals(), error, task)) {
                continue;
            }
            if (counts == null) {
                counts = new int[retriers.size()];
            }
            if (counts[i] >= r.maxAttempts()) {
                return null;
            }
            double delay = r.intervalSeconds() * Math.pow(r.backoffRate(), counts[i]);
            if (r.maxDelaySeconds() != null) {
                delay = Math.min(delay, r.maxDelaySeconds());
            }
            if (r.fullJitter()) {
                delay = random.nextDouble() * delay;
            }
            counts[i]++;
            total++;
            return Duration.ofMillis((long) (delay * 1000));
        }
        return null;
    }

    /** Retries per retrier so far (null before the first); journaled for restarts. */
    int[] counts() {
        return counts;
    }

    /** Retries of this state so far: {@code $$.State.RetryCount}. */
    int total() {
        return total;
    }
}
