package dev.orderflow.domain.fulfillment;

/** The port to the fulfillment centers' warehouse systems. */
public interface Warehouse {

    /** Told while a long pick is still going, so the waiting saga step knows it is alive. */
    @FunctionalInterface
    interface Progress {
        /** The work is still going. */
        void stillWorking();
    }

    /**
     * Picks and packs a shipment at its center. Doing the same request again yields the same
     * parcel.
     *
     * @param progress called zero or more times before this returns
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the warehouse system cannot
     *     answer now
     */
    PickOutcome pickAndPack(FulfillmentRequest request, Progress progress);
}
