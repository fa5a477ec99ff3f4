package dev.orderflow.domain.shipping;

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
     * The center's warehouse system took the work and reports later, by order and center, through
     * the warehouse callback; the saga's step keeps waiting on its token until then.
     */
    record Accepted() implements PickOutcome {}

    /**
     * The center took the work and never answered; the saga's own timeout decides what happens to
     * the order.
     */
    record NoAnswer() implements PickOutcome {}
}
