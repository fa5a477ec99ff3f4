package dev.orderflow.domain.health;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Use case: is this region ready to serve orders? Runs every {@link DependencyProbe} and reports
 * each dependency's state.
 *
 * <p>The report is cached for {@link #CACHE_FOR} by the injected clock: the readiness route is
 * public and DNS health checkers from many locations call it uncoordinated, so each execution
 * environment spends at most one round of probes per period however often it is asked. Callers
 * arriving while a round runs wait for that round rather than starting another.
 *
 * <p>Probes run in parallel, and the round waits for them at most {@link #PROBE_TIME_LIMIT}: a
 * probe that has not answered by then is down ("no answer within ..."), so a hanging dependency
 * makes the region not ready quickly instead of hanging the request past the health checker's own
 * timeout.
 */
public final class CheckReadiness {

    /** How long a report is served before the probes run again. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(10);

    /**
     * How long a round waits for its probes. Route 53 expects an HTTP(S) endpoint to answer within
     * two seconds of connecting; this leaves the rest for the function and the network.
     */
    public static final Duration PROBE_TIME_LIMIT = Duration.ofSeconds(1);

    private final List<DependencyProbe> probes;
    private final Clock clock;
    private final Duration cacheFor;
    private final Duration probeTimeLimit;
    private final ExecutorService runner;
    private ReadinessReport cached;

    /** The use case with the production cache period and time limit. */
    public CheckReadiness(List<DependencyProbe> probes, Clock clock) {
        this(probes, clock, CACHE_FOR, PROBE_TIME_LIMIT);
    }

    /**
     * @throws IllegalArgumentException if two probes share a name, or a duration is not positive
     */
    public CheckReadiness(
            List<DependencyProbe> probes, Clock clock, Duration cacheFor, Duration probeTimeLimit) {
        this.probes = List.copyOf(probes);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheFor = positive(cacheFor, "cacheFor");
        this.probeTimeLimit = positive(probeTimeLimit, "probeTimeLimit");
        var names = new HashSet<String>();
        for (DependencyProbe probe : this.probes) {
            if (!names.add(probe.name())) {
                throw new IllegalArgumentException("two probes are named " + probe.name());
            }
        }
        this.runner = Executors.newCachedThreadPool(daemonThreads());
    }

    /**
     * The current report: the cached one if it is younger than the cache period, else a new
     * round's. Never throws for a failing dependency: that is a {@code DOWN} check.
     */
    public synchronized ReadinessReport report() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.checkedAt().plus(cacheFor))) {
            cached = new ReadinessReport(probeAll(), now);
        }
        return cached;
    }

    private List<DependencyCheck> probeAll() {
        List<Future<?>> running = new ArrayList<>();
        for (DependencyProbe probe : probes) {
            running.add(runner.submit(probe::check));
        }
        // One deadline for the round: the probes run side by side, not one after another.
        long deadline = System.nanoTime() + probeTimeLimit.toNanos();
        List<DependencyCheck> checks = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            checks.add(outcome(probes.get(i).name(), running.get(i), deadline));
        }
        return checks;
    }

    private DependencyCheck outcome(String name, Future<?> probe, long deadline) {
        try {
            probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return DependencyCheck.up(name);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return DependencyCheck.down(
                    name, "no answer within " + probeTimeLimit.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // A probe reports a known failure as DependencyUnavailable; anything else it threw is
            // a failure too (the region cannot use what it cannot probe), named by its type.
            return DependencyCheck.down(
                    name,
                    cause instanceof DependencyUnavailable
                            ? cause.getMessage()
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.cancel(true);
            return DependencyCheck.down(name, "interrupted while waiting");
        }
    }

    private static Duration positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }

    /** Daemon threads, so a probe that never returns keeps no JVM alive. */
    private static ThreadFactory daemonThreads() {
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = defaults.newThread(runnable);
            thread.setDaemon(true);
            thread.setName("readiness-" + thread.getName());
            return thread;
        };
    }
}
