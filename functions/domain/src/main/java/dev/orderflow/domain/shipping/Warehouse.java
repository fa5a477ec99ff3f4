package dev.orderflow.domain.shipping;

/** The port to the fulfillment centers' warehouse systems. */
public interface Warehouse {

    /** Told while a long pick is still going, so the waiting saga step knows it is alive. */
    @FunctionalInterface
    interface Progress {
        /** The work is still going. */
        void stillWorking();
    }

    /**
     * Picks and packs a shipment at its center, or hands it to the center's warehouse system, which
     * reports later ({@link PickOutcome.Accepted}). Doing the same order again yields the same
     * parcel, or is accepted again without a second shipment.
     *
     * @param progress called zero or more times before this returns
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the warehouse system cannot
     *     answer now
     */
    PickOutcome pickAndPack(ShipmentOrder order, Progress progress);
}
