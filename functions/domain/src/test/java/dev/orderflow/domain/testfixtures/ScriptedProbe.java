package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.health.DependencyProbe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dependency probe that answers what it was told to: up (the default), down with a reason, or
 * hanging until {@link #release()}; it counts how often it was asked.
 */
public final class ScriptedProbe implements DependencyProbe {

    private enum Answer {
        UP,
        DOWN,
        HANG
    }

    private final String name;
    private final AtomicInteger checks = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer answer = Answer.UP;
    private volatile String reason = "";

    public ScriptedProbe(String name) {
        this.name = name;
    }

    /** Later checks pass. */
    public ScriptedProbe up() {
        answer = Answer.UP;
        return this;
    }

    /** Later checks fail with {@link DependencyUnavailable} naming this reason. */
    public ScriptedProbe down(String why) {
        answer = Answer.DOWN;
        reason = why;
        return this;
    }

    /** Later checks block until {@link #release()} (or until interrupted). */
    public ScriptedProbe hanging() {
        answer = Answer.HANG;
        return this;
    }

    /** Lets every hanging check return. */
    public void release() {
        released.countDown();
    }

    /** How many times the probe was run. */
    public int checks() {
        return checks.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void check() {
        checks.incrementAndGet();
        switch (answer) {
            case UP -> {}
            case DOWN -> throw new DependencyUnavailable(reason, null);
            case HANG -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
