package dev.orderflow.cloud.cli.simulate;

/**
 * Every DynamoDB read and write one order makes on the happy path, step by step, as the code does
 * them (docs/capacity.md, "Per order" lists them with their sources). Every item is under 1 KB and
 * every read under 4 KB, so a standard write is 1 unit, a transactional write 2, a consistent read
 * 1. Writes to an index cost the index 1 unit per entry written or removed.
 */
final class OrderAccesses {

    static final long ORDER_BYTES = 800;
    static final long EVENT_BYTES = 300;
    static final long SMALL_BYTES = 200;
    static final long STATUS_ENTRY_BYTES = 150;

    private final SaleTables t;

    OrderAccesses(SaleTables tables) {
        this.t = tables;
    }

    /** PlaceOrder: catalog read, idempotency claim, the order and its first event in one TX. */
    void place(SaleOrder o) {
        t.products().read(o.sku(), 1); // BatchGetItem, consistent
        t.idempotency().write("order#" + o.customer() + "#" + o.id(), 1, SMALL_BYTES);
        t.orders().write(o.pk(), 2, ORDER_BYTES); // TransactWriteItems: Put ORDER
        t.orders().write(o.pk(), 2, EVENT_BYTES); // ... and Put EVENT#...
        t.ordersByCustomer().write("CUSTOMER#" + o.customer(), 1, ORDER_BYTES);
        t.ordersByStatus().write(statusKey(o, "PENDING"), 1, STATUS_ENTRY_BYTES);
    }

    /** The saga's RecordExecution state: UpdateItem of the order (executionArn). */
    void recordExecution(SaleOrder o) {
        t.orders().write(o.pk(), 1, 0);
        t.ordersByCustomer().write("CUSTOMER#" + o.customer(), 1, 0); // ALL projection
    }

    /** ReserveStock: load, centers scan, the reservation TX, the order's next version. */
    void reserve(SaleOrder o) {
        t.orders().read(o.pk(), 1);
        t.centers().scan();
        t.orders().write(o.pk(), 2, SMALL_BYTES); // TX: Put RESERVATION
        t.inventory().write(o.stockKey(), 2, 0); // ... and Update of one shard row
        changeStatus(o, "PENDING", "RESERVED");
    }

    /** TakePayment: load, the provider's charge (not DynamoDB), the order's next version. */
    void pay(SaleOrder o) {
        t.orders().read(o.pk(), 1);
        changeStatus(o, "RESERVED", "PAID");
    }

    /** HandOverShipments: the order's next version, centers scan for service levels. */
    void handOver(SaleOrder o) {
        t.orders().read(o.pk(), 1);
        changeStatus(o, "PAID", "SHIPPING");
        t.centers().scan();
    }

    /** FulfillShipment: order and center reads, the awaited shipment with its task token. */
    void fulfill(SaleOrder o) {
        t.orders().read(o.pk(), 1);
        t.centers().read(o.center(), 1);
        t.orders().write(o.pk(), 1, ORDER_BYTES); // SHIPMENT#<center>
    }

    /** ConfirmShipped: commit (GetItem + TX of Delete + shard Update), the order shipped. */
    void confirm(SaleOrder o) {
        t.orders().read(o.pk(), 1);
        t.orders().write(o.pk(), 2, 0);
        t.inventory().write(o.stockKey(), 2, 0);
        t.orders().read(o.pk(), 1);
        changeStatus(o, "SHIPPING", "SHIPPED");
    }

    /** NotifyCustomer: claim (PutItem) and mark sent (UpdateItem) in the idempotency table. */
    void notifyCustomer(SaleOrder o) {
        String claim = "notification#" + o.id() + "#SHIPPED";
        t.idempotency().write(claim, 1, SMALL_BYTES);
        t.idempotency().write(claim, 1, 0);
    }

    /**
     * A new version of the order: TX of the order's Update and an event's Put; the byCustomer entry
     * is rewritten, the byStatus entry moves from the old status's key to the new one's.
     */
    private void changeStatus(SaleOrder o, String from, String to) {
        t.orders().write(o.pk(), 2, 0);
        t.orders().write(o.pk(), 2, EVENT_BYTES);
        t.ordersByCustomer().write("CUSTOMER#" + o.customer(), 1, 0);
        t.ordersByStatus().write(statusKey(o, from), 1, 0);
        t.ordersByStatus().write(statusKey(o, to), 1, STATUS_ENTRY_BYTES);
    }

    private static String statusKey(SaleOrder o, String status) {
        return "STATUS#" + status + "#" + o.statusShard();
    }
}
