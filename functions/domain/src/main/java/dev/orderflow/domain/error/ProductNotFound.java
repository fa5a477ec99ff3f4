package dev.orderflow.domain.error;

/** No product with that SKU exists in the catalog (404). */
public final class ProductNotFound extends DomainException {

    /** Creates the failure for a SKU. */
    public ProductNotFound(String sku) {
        super("ProductNotFound", "product " + sku + " was not found", null);
    }
}
