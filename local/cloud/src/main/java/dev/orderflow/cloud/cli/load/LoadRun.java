package dev.orderflow.cloud.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One load run against a running stack: places the orders from {@code concurrency} clients, waits
 * for every saga to end, reads each order's outcome and prints a summary. The exit code is 0 only
 * when every order was accepted and reached a final state before the deadline.
 */
public final class LoadRun {

    /** One accepted order: who placed it, when the POST started and how long it took. */
    private record Placed(String orderId, int client, long postStartMs, long postMillis) {}

    private final LoadPlan plan;
    private final URI api;
    private final URI edge;
    private final PrintStream out;
    private final Progress progress;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final Map<String, Placed> placed = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger throttledRetries = new AtomicInteger();

    public LoadRun(LoadPlan plan, URI api, URI edge, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.api = api;
        this.edge = edge;
        this.out = out;
        this.progress = new Progress(err, plan.orders());
    }

    /** Runs the plan; returns the process exit code. */
    public int run() throws IOException, InterruptedException {
        ShopClient shop = new ShopClient(http, api, edge);
        SagaWatcher watcher = SagaWatcher.forOrderSaga(http, edge);
        if (plan.stockUp() > 0) {
            shop.adjustStock(
                    shop.token("load-admin", true), plan.sku(), plan.stockCenter(), plan.stockUp());
            out.printf(
                    "added %d units of %s at %s%n", plan.stockUp(), plan.sku(), plan.stockCenter());
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < plan.concurrency(); c++) {
            tokens.add(shop.token("load-" + runId + "-" + c, false));
        }
        CpuMeter cpu = new CpuMeter();
        long start = System.currentTimeMillis();
        ExecutorService clients = Executors.newFixedThreadPool(plan.concurrency());
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < plan.concurrency(); c++) {
            int client = c;
            clients.execute(() -> placeOrders(shop, tokens.get(client), client, runId, next));
        }
        clients.shutdown();
        while (!clients.awaitTermination(250, TimeUnit.MILLISECONDS)) {
            watcher.sweep(placed);
            progress.show(placed.size(), watcher.stoppedCount(), false);
        }
        long lastPost = System.currentTimeMillis();
        long deadline = lastPost + plan.deadline().toMillis();
        while (watcher.stoppedCount() < placed.size() && System.currentTimeMillis() < deadline) {
            watcher.sweep(placed);
            progress.show(placed.size(), watcher.stoppedCount(), false);
            Thread.sleep(250);
        }
        watcher.sweep(placed);
        progress.show(placed.size(), watcher.stoppedCount(), true);
        double busy = cpu.busyShare().orElse(-1.0);
        Map<String, Integer> outcomes = outcomes(shop, tokens, watcher);
        return new LoadSummary(
                        plan,
                        start,
                        lastPost,
                        postMillis(),
                        finalMillis(watcher),
                        lastStop(watcher),
                        outcomes,
                        refusalsByStatus(),
                        throttledRetries.get(),
                        busy)
                .print(out);
    }

    private void placeOrders(
            ShopClient shop, String token, int client, String runId, AtomicInteger next) {
        int i;
        while ((i = next.getAndIncrement()) < plan.orders()) {
            long t0 = System.currentTimeMillis();
            try {
                ShopClient.Placed result =
                        shop.placeOrder(token, runId + "-" + i, plan.sku(), plan.address());
                throttledRetries.addAndGet(result.attempts() - 1);
                if (result.orderId().isPresent()) {
                    String id = result.orderId().get();
                    placed.put(id, new Placed(id, client, t0, System.currentTimeMillis() - t0));
                } else {
                    refusals.computeIfAbsent(result.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                }
            } catch (IOException e) {
                refusals.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /** Each order's final status (and reason), read through the API as its customer. */
    private Map<String, Integer> outcomes(ShopClient shop, List<String> tokens, SagaWatcher watcher)
            throws InterruptedException {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(16, plan.concurrency()));
        for (Placed p : placed.values()) {
            readers.execute(
                    () -> {
                        String key;
                        if (watcher.stoppedAt(p.orderId()) == null) {
                            key = "NOT FINAL";
                        } else {
                            try {
                                JsonNode order = shop.order(tokens.get(p.client()), p.orderId());
                                key = order.path("status").asText();
                                if (order.hasNonNull("reason")) {
                                    key += " (" + order.get("reason").asText() + ")";
                                }
                            } catch (IOException e) {
                                key = "UNREADABLE (" + e.getMessage() + ")";
                            }
                        }
                        counts.merge(key, 1, Integer::sum);
                    });
        }
        readers.shutdown();
        readers.awaitTermination(10, TimeUnit.MINUTES);
        return new TreeMap<>(counts);
    }

    private long[] postMillis() {
        return placed.values().stream().mapToLong(Placed::postMillis).toArray();
    }

    private long[] finalMillis(SagaWatcher watcher) {
        return placed.values().stream()
                .filter(p -> watcher.stoppedAt(p.orderId()) != null)
                .mapToLong(p -> watcher.stoppedAt(p.orderId()) - p.postStartMs())
                .toArray();
    }

    private long lastStop(SagaWatcher watcher) {
        return placed.values().stream()
                .map(p -> watcher.stoppedAt(p.orderId()))
                .filter(t -> t != null)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }

    private Map<Integer, Integer> refusalsByStatus() {
        Map<Integer, Integer> m = new TreeMap<>();
        refusals.forEach((status, n) -> m.put(status, n.get()));
        return m;
    }
}
