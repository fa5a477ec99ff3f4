package dev.orderflow.dynamodb.internal;

import dev.orderflow.dynamodb.spi.TransactionPhaseListener;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link TransactionPhaseListener}s installed on the class path, found once. */
final class TransactionPhases {

    private final TransactionPhaseListener[] listeners;

    private TransactionPhases(List<TransactionPhaseListener> found) {
        this.listeners = found.toArray(new TransactionPhaseListener[0]);
    }

    static TransactionPhases installed() {
        return new TransactionPhases(
                ServiceLoader.load(
                                TransactionPhaseListener.class,
                                TransactionPhases.class.getClassLoader())
                        .stream()
                        .map(ServiceLoader.Provider::get)
                        .toList());
    }

    void prepared() {
        for (TransactionPhaseListener listener : listeners) {
            listener.prepared();
        }
    }
}
