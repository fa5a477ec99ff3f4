package dev.orderflow.cloud;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A store for one saga test: its own region, centers, products and stock (so tests sharing the
 * cloud never touch each other's units), shoppers with tokens, and reads of what the saga did.
 */
final class SagaFixture {

    static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "CANCELLED");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Random REGIONS = new Random();

    final LocalCloud cloud;
    final DynamoDbClient dynamo;
    final SfnClient sfn;

    /** A region no other test's centers serve, e.g. {@code Q7X}. */
    final String region;

    SagaFixture(LocalCloud cloud) {
        this(cloud, newRegion());
    }

    /** A store whose shoppers live in {@code region}: one AWS region's view of a shared store. */
    SagaFixture(LocalCloud cloud, String region) {
        this.cloud = cloud;
        this.dynamo = Clients.dynamo(cloud.edgeEndpoint());
        this.sfn = Clients.sfn(cloud.edgeEndpoint());
        this.region = region;
    }

    /** A delivery region no other test's centers serve. */
    static String newRegion() {
        return "Q" + Integer.toString(REGIONS.nextInt(36 * 36), 36).toUpperCase(Locale.ROOT);
    }

    String table(String logicalIdPrefix) {
        return cloud.physicalId(logicalIdPrefix).orElseThrow();
    }

    /** A new active product; its price's last two digits choose the simulated payment outcome. */
    String product(long priceMinor) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        dynamo.putItem(
                p ->
                        p.tableName(table("DataProducts"))
                                .item(
                                        Map.of(
                                                "sku", s(sku),
                                                "name", s("Test product " + sku),
                                                "priceMinor", n(priceMinor),
                                                "currency", s("EUR"),
                                                "active", AttributeValue.fromBool(true))));
        return sku;
    }

    /**
     * A center serving this fixture's region; its id suffix picks the simulated warehouse's
     * behaviour ({@code -OFFLINE}, {@code -NOSTOCK}, {@code -SLOW}).
     */
    String center(String suffix, int distanceKm, long handlingSeconds) {
        return center(suffix, distanceKm, handlingSeconds, Map.of());
    }

    /** A center as above, homed in one AWS region: only that region sells and ships its stock. */
    String homedCenter(String awsRegion, int distanceKm) {
        return center("", distanceKm, 3600, Map.of("homeRegion", s(awsRegion)));
    }

    private String center(
            String suffix, int distanceKm, long handlingSeconds, Map<String, AttributeValue> more) {
        String id =
                "FC-"
                        + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT)
                        + suffix;
        Map<String, AttributeValue> item = new HashMap<>(more);
        item.put("centerId", s(id));
        item.put("name", s("Test center " + id));
        item.put("regions", AttributeValue.fromM(Map.of("DE-" + region, n(distanceKm))));
        item.put("handlingSeconds", n(handlingSeconds));
        dynamo.putItem(p -> p.tableName(table("DataFulfillmentCenters")).item(item));
        return id;
    }

    void stock(String sku, String center, int units) {
        dynamo.putItem(
                p ->
                        p.tableName(table("DataInventory"))
                                .item(
                                        Map.of(
                                                "sku", s(sku),
                                                "centerId", s(center),
                                                "available", n(units),
                                                "reserved", n(0))));
    }

    /** A new product, a new center and that center's stock of it. */
    Stocked stocked(long priceMinor, String centerSuffix, long handlingSeconds, int units) {
        String sku = product(priceMinor);
        String center = center(centerSuffix, 10, handlingSeconds);
        stock(sku, center, units);
        return new Stocked(sku, center);
    }

    record Stocked(String sku, String center) {}

    /**
     * Spreads the product's stock over {@code shards} stock shards through the admin API, as an
     * operator would before a flash sale.
     *
     * @return the stock the API answers, summed over the shards
     */
    JsonNode reshard(String sku, int shards) {
        String admin =
                cloud.token(
                        "ops",
                        List.of("orderflow/admin"),
                        List.of("admins"),
                        Duration.ofMinutes(5));
        HttpResponse<String> response =
                send(
                        at("/admin/stock/" + sku + "/shards")
                                .header("Content-Type", "application/json")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"shards\":" + shards + "}")),
                        admin);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "reshard answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** {available, reserved} of a product in a center, summed over its stock shards. */
    int[] stockOfAllShards(String sku, String center) {
        int available = 0;
        int reserved = 0;
        for (int shard = 0; shard < 64; shard++) {
            String partition = shard == 0 ? sku : sku + "#" + shard;
            Map<String, AttributeValue> item =
                    dynamo.getItem(
                                    g ->
                                            g.tableName(table("DataInventory"))
                                                    .consistentRead(true)
                                                    .key(
                                                            Map.of(
                                                                    "sku",
                                                                    s(partition),
                                                                    "centerId",
                                                                    s(center))))
                            .item();
            if (item.isEmpty()) {
                continue;
            }
            available += Integer.parseInt(item.get("available").n());
            reserved += Integer.parseInt(item.get("reserved").n());
        }
        return new int[] {available, reserved};
    }

    /** {available, reserved} of a product in a center. */
    int[] stockOf(String sku, String center) {
        Map<String, AttributeValue> item =
                dynamo.getItem(
                                g ->
                                        g.tableName(table("DataInventory"))
                                                .consistentRead(true)
                                                .key(Map.of("sku", s(sku), "centerId", s(center))))
                        .item();
        return new int[] {
            Integer.parseInt(item.get("available").n()), Integer.parseInt(item.get("reserved").n())
        };
    }

    String token(String user) {
        return cloud.token(user, List.of(), List.of(), Duration.ofMinutes(15));
    }

    String orderBody(Map<String, Integer> quantities) {
        StringBuilder items = new StringBuilder();
        quantities.forEach(
                (sku, q) ->
                        items.append(items.length() == 0 ? "" : ",")
                                .append("{\"sku\":\"")
                                .append(sku)
                                .append("\",\"quantity\":")
                                .append(q)
                                .append('}'));
        return "{\"items\":["
                + items
                + "],\"address\":{\"country\":\"DE\",\"region\":\""
                + region
                + "\",\"city\":\"Testhausen\",\"postalCode\":\"12345\",\"street\":\"Teststr. 1\"}}";
    }

    HttpResponse<String> place(String token, String key, String body) {
        return send(
                at("/orders")
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    /** Places an order and returns its id; fails the test unless it was accepted. */
    String placeOrder(String token, Map<String, Integer> quantities) {
        HttpResponse<String> placed =
                place(token, UUID.randomUUID().toString(), orderBody(quantities));
        if (placed.statusCode() != 202) {
            throw new AssertionError(
                    "order not accepted: " + placed.statusCode() + " " + placed.body());
        }
        return json(placed.body()).get("orderId").asText();
    }

    /** A shopper's client: retries a throttled request with the same idempotency key. */
    String placeRetryingThrottles(String token, String body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = place(token, key, body);
            if (response.statusCode() == 202) {
                return json(response.body()).get("orderId").asText();
            }
            if (response.statusCode() != 429 || attempt > 50) {
                throw new AssertionError(response.statusCode() + " " + response.body());
            }
            Thread.sleep(100L + 50L * Math.min(attempt, 20));
        }
    }

    /**
     * Places {@code orders} orders of {@code body} from {@code clients} threads at once, each order
     * as the user {@code users.apply(i)}, retrying throttles; the order ids, in order.
     */
    List<String> placeAll(int orders, int clients, String body, IntFunction<String> users)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // a client signs in once and reuses its token, as a shop's front end does
        Map<String, String> tokens = new HashMap<>();
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String token = tokens.computeIfAbsent(users.apply(i), this::token);
                placed.add(pool.submit(() -> placeRetryingThrottles(token, body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : placed) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Waits until every order has ended; each order's final status. Reads the pending orders in
     * batches of 100 (BatchGetItem), as a dashboard would, rather than one request per order.
     */
    Map<String, String> awaitAllEnded(List<String> ids, Duration atMost) {
        Map<String, String> ended = new HashMap<>();
        await().atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            List<String> pending =
                                    ids.stream().filter(id -> !ended.containsKey(id)).toList();
                            for (int from = 0; from < pending.size(); from += 100) {
                                statusesInTable(
                                                pending.subList(
                                                        from, Math.min(from + 100, pending.size())))
                                        .forEach(
                                                (id, status) -> {
                                                    if (TERMINAL.contains(status)) {
                                                        ended.put(id, status);
                                                    }
                                                });
                            }
                            return ended.size() == ids.size();
                        });
        return ended;
    }

    /**
     * The stored status of each of up to 100 orders that exist, by order id; keys DynamoDB left
     * unprocessed are simply absent (the caller asks again).
     */
    private Map<String, String> statusesInTable(List<String> orderIds) {
        KeysAndAttributes keys =
                KeysAndAttributes.builder()
                        .consistentRead(true)
                        .keys(orderIds.stream().map(SagaFixture::orderKey).toList())
                        .build();
        Map<String, String> statuses = new HashMap<>();
        dynamo.batchGetItem(b -> b.requestItems(Map.of(table("DataOrders"), keys)))
                .responses()
                .values()
                .forEach(
                        items ->
                                items.forEach(
                                        item ->
                                                statuses.put(
                                                        item.get("pk")
                                                                .s()
                                                                .substring(ORDER_PREFIX.length()),
                                                        item.get("status").s())));
        return statuses;
    }

    /** The order saga's executions of these orders (each is named after its order). */
    List<ExecutionListItem> sagasOf(Set<String> orderIds) {
        String stateMachine = cloud.physicalId("WorkflowOrderFulfillment").orElseThrow();
        return sfn
                .listExecutionsPaginator(l -> l.stateMachineArn(stateMachine))
                .executions()
                .stream()
                .filter(e -> orderIds.contains(e.name()))
                .toList();
    }

    /** How many orders ended in each status. */
    static Map<String, Long> countByStatus(Map<String, String> ended) {
        return ended.values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    JsonNode order(String token, String orderId) {
        HttpResponse<String> read = send(at("/orders/" + orderId).GET(), token);
        if (read.statusCode() != 200) {
            throw new AssertionError("cannot read order: " + read.statusCode() + " " + read.body());
        }
        return json(read.body());
    }

    HttpResponse<String> cancel(String token, String orderId) {
        return send(
                at("/orders/" + orderId + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                token);
    }

    /** Waits until the saga has ended the order, and returns it as its owner sees it. */
    JsonNode awaitEnd(String token, String orderId) {
        return awaitStatus(token, orderId, TERMINAL);
    }

    JsonNode awaitStatus(String token, String orderId, Set<String> statuses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            last[0] = order(token, orderId);
                            return statuses.contains(last[0].get("status").asText());
                        });
        return last[0];
    }

    /** The order's status straight from its table (no API throttling in the way). */
    String statusInTable(String orderId) {
        Map<String, AttributeValue> item = orderItem(orderId);
        return item.isEmpty() ? "" : item.get("status").s();
    }

    /** Why the order was rejected or cancelled, as stored on it ("" when it carries no reason). */
    String reasonInTable(String orderId) {
        Map<String, AttributeValue> item = orderItem(orderId);
        return item.containsKey("reason") ? item.get("reason").s() : "";
    }

    private Map<String, AttributeValue> orderItem(String orderId) {
        return dynamo.getItem(
                        g ->
                                g.tableName(table("DataOrders"))
                                        .consistentRead(true)
                                        .key(orderKey(orderId)))
                .item();
    }

    /** The ARN of the execution that runs the order (the saga records it on the order). */
    String executionOf(String orderId) {
        Map<String, AttributeValue> order =
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> orderItem(orderId), item -> item.containsKey("executionArn"));
        return order.get("executionArn").s();
    }

    private static final String ORDER_PREFIX = "ORDER#";

    static Map<String, AttributeValue> orderKey(String orderId) {
        return Map.of("pk", s(ORDER_PREFIX + orderId), "sk", s("ORDER"));
    }

    /**
     * Every event of the order's execution once it ended, as its type followed by what matters to a
     * reader (the SDK's own toString redacts inputs and outputs): a state's name, a task's output,
     * a failure's error and cause.
     */
    List<String> history(String orderId) {
        String arn = executionOf(orderId);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                !"RUNNING"
                                        .equals(
                                                sfn.describeExecution(d -> d.executionArn(arn))
                                                        .statusAsString()));
        return sfn.getExecutionHistoryPaginator(h -> h.executionArn(arn)).events().stream()
                .map(SagaFixture::describe)
                .toList();
    }

    private static String describe(HistoryEvent e) {
        StringBuilder line = new StringBuilder(e.typeAsString());
        if (e.stateEnteredEventDetails() != null) {
            line.append(' ').append(e.stateEnteredEventDetails().name());
        }
        if (e.taskSucceededEventDetails() != null) {
            line.append(' ').append(e.taskSucceededEventDetails().output());
        }
        if (e.taskFailedEventDetails() != null) {
            line.append(' ')
                    .append(e.taskFailedEventDetails().error())
                    .append(' ')
                    .append(e.taskFailedEventDetails().cause());
        }
        if (e.taskTimedOutEventDetails() != null) {
            line.append(' ').append(e.taskTimedOutEventDetails().error());
        }
        return line.toString();
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(
                URI.create(cloud.gatewayEndpoint().toString().replaceAll("/$", "") + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(
                    request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
