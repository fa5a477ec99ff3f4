package dev.orderflow.domain.error;

/** No fulfillment center with that id exists (404). */
public final class FulfillmentCenterNotFound extends DomainException {

    /** Creates the failure for a center id. */
    public FulfillmentCenterNotFound(String centerId) {
        super(
                "FulfillmentCenterNotFound",
                "fulfillment center " + centerId + " was not found",
                null);
    }
}
