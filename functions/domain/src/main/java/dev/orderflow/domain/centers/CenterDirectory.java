package dev.orderflow.domain.centers;

import java.util.Optional;

/**
 * The port to the fulfillment centers by id: admins maintain them, the fulfillment worker reads the
 * center a shipment goes to (its warehouse link).
 */
public interface CenterDirectory extends FulfillmentCenters {

    /**
     * The center with that id, if it exists.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Optional<FulfillmentCenter> find(CenterId id);

    /**
     * Stores the center, replacing whatever was stored under its id, in one atomic write.
     *
     * @return true if no center had that id before (created), false if one was replaced
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean save(FulfillmentCenter center);
}
