package dev.orderflow.domain.centers;

import java.util.List;

/** The port to the list of fulfillment centers (a few dozen: read whole). */
public interface FulfillmentCenters {

    /**
     * Every center.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    List<FulfillmentCenter> all();
}
