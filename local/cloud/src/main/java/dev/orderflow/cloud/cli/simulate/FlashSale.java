package dev.orderflow.cloud.cli.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a flash sale second by second through the stack's DynamoDB access model: orders are drawn
 * (the hot product with {@link FlashSalePlan#hotShare()}, the rest evenly over the catalog), each
 * goes through the saga's steps ({@link OrderAccesses}), shipping {@link
 * FlashSalePlan#shipAfterSeconds()} later, and every table closes each second ({@link
 * SimulatedTable#endSecond()}).
 */
public final class FlashSale {

    static final String HOT_SKU = "HOT-1";

    private final FlashSalePlan plan;
    private final Random random;
    private final SaleTables tables;
    private final OrderAccesses accesses;
    private final StockLevelCache stockLevels;
    private final Map<Integer, List<SaleOrder>> shipping = new HashMap<>();
    private long orders;

    public FlashSale(FlashSalePlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.tables = SaleTables.create(plan);
        this.accesses = new OrderAccesses(tables);
        int environments =
                (int)
                        Math.max(
                                1,
                                Math.ceil(
                                        FunctionProfile.named("ReserveStock")
                                                .concurrency(plan.rate())));
        this.stockLevels = new StockLevelCache(environments, tables.inventory(), plan.centers());
        seedData();
    }

    /** The catalog, the centers and the stock rows, there before the sale. */
    private void seedData() {
        for (int c = 0; c < plan.centers(); c++) {
            tables.centers().store(center(c), 300);
        }
        tables.products().store(HOT_SKU, 300);
        for (int shard = 0; shard < plan.shards(); shard++) {
            tables.inventory().store(stockKey(HOT_SKU, shard), 100L * plan.centers());
        }
        for (int p = 0; p < plan.products(); p++) {
            tables.products().store(coldSku(p), 300);
            tables.inventory().store(coldSku(p), 100L * plan.centers());
        }
    }

    public FlashSaleResult run() {
        Map<String, TableStats> stats = new LinkedHashMap<>();
        for (int second = 0; second < plan.seconds(); second++) {
            for (int i = 0; i < plan.rate(); i++) {
                placeAndProcess(second);
            }
            for (SaleOrder o : shipping.getOrDefault(second, List.of())) {
                accesses.confirm(o);
                accesses.notifyCustomer(o);
            }
            shipping.remove(second);
            for (SimulatedTable table : tables.all()) {
                TableSecond s = table.endSecond();
                stats.merge(s.table(), TableStats.first(s), (old, now) -> old.plus(s));
            }
        }
        return new FlashSaleResult(
                plan, orders, stockLevels.environments(), new ArrayList<>(stats.values()));
    }

    private void placeAndProcess(int second) {
        SaleOrder o = nextOrder();
        orders++;
        accesses.place(o);
        accesses.recordExecution(o);
        boolean hot = o.sku().equals(HOT_SKU);
        int env = random.nextInt(stockLevels.environments());
        stockLevels.levels(env, o.sku(), hot ? plan.shards() : 1, second);
        accesses.reserve(o);
        accesses.pay(o);
        accesses.handOver(o);
        accesses.fulfill(o);
        if (plan.shipAfterSeconds() == 0) {
            accesses.confirm(o);
            accesses.notifyCustomer(o);
        } else {
            shipping.computeIfAbsent(second + plan.shipAfterSeconds(), s -> new ArrayList<>())
                    .add(o);
        }
    }

    private SaleOrder nextOrder() {
        boolean hot = random.nextDouble() < plan.hotShare();
        String sku = hot ? HOT_SKU : coldSku(random.nextInt(plan.products()));
        // The picker's random start shard; stock is assumed to suffice, so one shard serves it.
        int shard = hot ? random.nextInt(plan.shards()) : 0;
        String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        return new SaleOrder(
                id,
                "customer-" + random.nextInt(plan.customers()),
                sku,
                center(random.nextInt(plan.centers())),
                stockKey(sku, shard),
                Math.floorMod(id.hashCode(), plan.statusShards()));
    }

    static String stockKey(String sku, int shard) {
        return shard == 0 ? sku : sku + "#" + shard;
    }

    private static String coldSku(int p) {
        return "SKU-" + p;
    }

    private static String center(int c) {
        return "FC-" + c;
    }
}
