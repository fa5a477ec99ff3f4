package dev.orderflow.dynamodb.spi;

/**
 * Observes every {@code TransactWriteItems} between its two phases: after its items are checked and
 * held, before its writes are applied. A fault-injection tool can keep a transaction in flight
 * here, so that other requests meet it as AWS documents under "Transaction conflict handling"
 * (Developer Guide).
 *
 * <p>Installed through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.orderflow.dynamodb.spi.TransactionPhaseListener} on the engine's class
 * path). The engine looks once, when it is built; with none installed a transaction pays nothing.
 * The engine itself ships none.
 */
public interface TransactionPhaseListener {

    /**
     * Runs on the request's thread, outside the engine's lock, while the transaction's items are
     * held; blocking here keeps them held. Must not throw: an exception fails the transaction as an
     * internal error.
     */
    void prepared();
}
