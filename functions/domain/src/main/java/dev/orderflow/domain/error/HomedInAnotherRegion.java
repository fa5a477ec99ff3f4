package dev.orderflow.domain.error;

import java.util.Objects;

/**
 * The change asked for belongs to another AWS region: the order or fulfillment center is homed
 * there, and only its home region changes it (409). Nothing was written; the caller repeats the
 * request against that region.
 */
public final class HomedInAnotherRegion extends DomainException {

    private final String homeRegion;

    /**
     * @param what what is homed elsewhere, e.g. {@code order}, {@code fulfillment center}
     * @param id its id
     * @param homeRegion the region it is homed in, e.g. {@code us-east-1}
     */
    public HomedInAnotherRegion(String what, String id, String homeRegion) {
        super(
                "HomedInAnotherRegion",
                what
                        + " "
                        + id
                        + " is homed in "
                        + homeRegion
                        + " and only changes there; send the request to that region",
                null);
        this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion");
    }

    /** The region that changes it. */
    public String homeRegion() {
        return homeRegion;
    }
}
