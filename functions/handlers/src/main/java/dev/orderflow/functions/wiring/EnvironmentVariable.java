package dev.orderflow.functions.wiring;

/**
 * The variables a function's own configuration comes in, named as {@code
 * functions/function-catalog.json} names them for each function; {@code FunctionCatalogTest} checks
 * that each handler's wiring reads exactly the ones its catalog entry lists. What every function
 * has ({@code AWS_REGION} from Lambda, the Powertools settings) is not among them.
 */
enum EnvironmentVariable {
    ORDERS_TABLE,
    ORDER_ARCHIVE_TABLE,
    ORDER_RETENTION_DAYS,
    PRODUCTS_TABLE,
    CENTERS_TABLE,
    INVENTORY_TABLE,
    IDEMPOTENCY_TABLE,
    STATE_MACHINE_ARN,
    PAYMENT_PROVIDER,
    PAYMENT_SECRET_NAME,
    WAREHOUSE,
    NOTIFIER,
    MAIL_SECRET_NAME,
    MAIL_API_URL,
    MAIL_API_KEY,
    /**
     * The Secrets Manager secret (ARN) whose text CloudFront sends in {@code X-Origin-Verify}; set
     * on the HTTP API's functions in a multi-region stack only (unset: no origin check).
     */
    ORIGIN_VERIFY_SECRET_ARN,
    /**
     * {@code strong} when the Inventory table is a multi-Region strongly consistent global table:
     * the inventory adapters then write without transactions and the saga allocates from every
     * center; unset or {@code eventual}: a regional table.
     */
    STOCK_CONSISTENCY
}
