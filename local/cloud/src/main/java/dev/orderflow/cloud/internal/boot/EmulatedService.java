package dev.orderflow.cloud.internal.boot;

import java.util.List;

/**
 * One service of the local cloud. The boot starts the services in order, each after the ones it
 * uses, and closes the started ones in reverse order; {@link #close()} must therefore cope with a
 * {@link #start()} that failed half-way.
 */
public interface EmulatedService extends AutoCloseable {

    /** Starts the service and creates the template's resources of its kind in it. */
    void start();

    /**
     * Stops the service, also after a {@link #start()} that failed half-way; throws no checked
     * exception.
     */
    @Override
    void close();

    /** The boot report's lines for what it emulates, one per resource. */
    List<String> describe();

    /** The boot report's lines for what of the template it cannot emulate. */
    default List<String> unsupported() {
        return List.of();
    }
}
