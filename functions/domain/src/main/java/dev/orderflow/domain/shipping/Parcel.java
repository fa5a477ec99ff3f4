package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterId;
import java.time.Instant;
import java.util.Objects;

/**
 * A shipment that left its center: what the saga receives as the fulfillment step's result.
 *
 * @param center the center that shipped it
 * @param trackingNumber the carrier's tracking number
 * @param shippedAt when it left
 */
public record Parcel(CenterId center, String trackingNumber, Instant shippedAt) {
    public Parcel {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(shippedAt, "shippedAt");
        if (trackingNumber.isBlank()) {
            throw new IllegalArgumentException("a parcel has a tracking number");
        }
    }
}
