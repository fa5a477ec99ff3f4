package dev.orderflow.domain.shipping;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/** What a warehouse system reports about a shipment it accepted. */
public sealed interface WarehouseEvent {

    /** The longest tracking number or reason a warehouse may send. */
    int MAX_TEXT = 256;

    /** Still picking: the waiting step's heartbeat. */
    record Picking() implements WarehouseEvent {}

    /** Handed to the carrier. */
    record Shipped(String trackingNumber) implements WarehouseEvent {
        /**
         * @throws InvalidInput if the tracking number is blank or longer than {@link #MAX_TEXT}
         */
        public Shipped {
            trackingNumber = text(trackingNumber, "trackingNumber");
        }
    }

    /** The center cannot pick the shipment. */
    record CannotPick(String reason) implements WarehouseEvent {
        /**
         * @throws InvalidInput if the reason is blank or longer than {@link #MAX_TEXT}
         */
        public CannotPick {
            reason = text(reason, "reason");
        }
    }

    private static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw InvalidInput.of(field, "must be 1-" + MAX_TEXT + " characters");
        }
        return value;
    }
}
