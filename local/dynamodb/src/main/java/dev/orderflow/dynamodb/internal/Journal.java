package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Durable log of state changes; the in-memory engine uses {@link #NONE}. */
public interface Journal extends AutoCloseable {

    /**
     * Appends one change; returns once it survives a crash of this process. {@code state} is the
     * engine's state with the change applied, for a journal that compacts itself into a snapshot.
     */
    void append(ObjectNode entry, ReadAccess state);

    /** Makes all appended changes durable and releases the files. */
    @Override
    void close();

    /** A journal that records nothing (in-memory mode). */
    Journal NONE =
            new Journal() {
                @Override
                public void append(ObjectNode entry, ReadAccess state) {}

                @Override
                public void close() {}
            };
}
