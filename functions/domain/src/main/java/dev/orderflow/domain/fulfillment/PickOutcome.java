package dev.orderflow.domain.fulfillment;

import java.util.Objects;

/** What a center's pick-and-pack came to. */
public sealed interface PickOutcome {

    /** Picked, packed and handed to the carrier. */
    record Shipped(Parcel parcel) implements PickOutcome {
        public Shipped {
            Objects.requireNonNull(parcel, "parcel");
        }
    }

    /** The center cannot pick the shipment (stock missing or damaged on the shelf). */
    record CannotPick(String reason) implements PickOutcome {
        public CannotPick {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The center took the work and never answered; the saga's own timeout decides what happens to
     * the order.
     */
    record NoAnswer() implements PickOutcome {}
}
