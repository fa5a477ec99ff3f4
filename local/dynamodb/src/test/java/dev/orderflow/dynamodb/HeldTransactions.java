package dev.orderflow.dynamodb;

import dev.orderflow.dynamodb.spi.TransactionPhaseListener;

/**
 * The test class path's {@link TransactionPhaseListener} (registered in {@code
 * src/test/resources/META-INF/services}): runs the hook a test installed, if any, between the
 * phases of every transaction of every engine in the test JVM. Tests in this module run one at a
 * time, so one hook at a time is enough.
 */
public final class HeldTransactions implements TransactionPhaseListener {

    private static volatile Runnable hook;

    /** Runs {@code between} in every transaction from now on; null removes it. */
    static void install(Runnable between) {
        hook = between;
    }

    @Override
    public void prepared() {
        Runnable current = hook;
        if (current != null) {
            current.run();
        }
    }
}
