package dev.orderflow.dynamodb.internal.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Durable log of state changes; the in-memory engine uses {@link #NONE}. */
public interface Journal extends AutoCloseable {

    /** Appends one change; returns once it survives a crash of this process. */
    void append(ObjectNode entry);

    /** Makes all appended changes durable and releases the files. */
    @Override
    void close();

    /** A journal that records nothing (in-memory mode). */
    Journal NONE =
            new Journal() {
                @Override
                public void append(ObjectNode entry) {}

                @Override
                public void close() {}
            };
}
