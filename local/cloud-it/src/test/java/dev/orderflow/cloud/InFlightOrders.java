package dev.orderflow.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Shoppers placing orders of one product over HTTP from several threads until stopped or until the
 * server goes away; remembers every order the API acknowledged with 202 and its quantity.
 */
final class InFlightOrders {

    /** The product's price: its last two digits let the simulated provider approve. */
    static final long PRICE_MINOR = 1000;

    private final URI gateway;
    private final String token;
    private final String body;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final List<Thread> shoppers = new ArrayList<>();
    private final String region;
    private final String sku;

    private InFlightOrders(URI gateway, String token, String sku, String region) {
        this.gateway = gateway;
        this.token = token;
        this.sku = sku;
        this.region = region;
        this.body =
                "{\"items\":[{\"sku\":\"%s\",\"quantity\":%%d}],\"address\":{\"country\":\"DE\","
                                .formatted(sku)
                        + "\"region\":\"%s\",\"city\":\"Crashtown\",\"street\":\"Kill 9\"}}"
                                .formatted(region);
    }

    /**
     * A product, a center serving a region of its own with {@code units} of it, and a shopper's
     * token from the local issuer, all in the cloud behind {@code edge}.
     */
    static InFlightOrders prepare(URI edge, URI gateway, int units) throws Exception {
        String sku =
                "CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String center = "FC-CRASH";
        String region = "K9";
        try (DynamoDbClient dynamo = Clients.dynamo(edge)) {
            dynamo.putItem(
                    p ->
                            p.tableName(table(dynamo, "DataProducts"))
                                    .item(
                                            Map.of(
                                                    "sku", SagaFixture.s(sku),
                                                    "name", SagaFixture.s("Crash mug"),
                                                    "priceMinor", SagaFixture.n(PRICE_MINOR),
                                                    "currency", SagaFixture.s("EUR"),
                                                    "active",
                                                            software.amazon.awssdk.services.dynamodb
                                                                    .model.AttributeValue.fromBool(
                                                                    true))));
            dynamo.putItem(
                    p ->
                            p.tableName(table(dynamo, "DataFulfillmentCenters"))
                                    .item(
                                            Map.of(
                                                    "centerId", SagaFixture.s(center),
                                                    "name", SagaFixture.s("Crash center"),
                                                    "regions",
                                                            software.amazon.awssdk.services.dynamodb
                                                                    .model.AttributeValue.fromM(
                                                                    Map.of(
                                                                            "DE-" + region,
                                                                            SagaFixture.n(5))),
                                                    "handlingSeconds", SagaFixture.n(3600))));
            dynamo.putItem(
                    p ->
                            p.tableName(table(dynamo, "DataInventory"))
                                    .item(
                                            Map.of(
                                                    "sku", SagaFixture.s(sku),
                                                    "centerId", SagaFixture.s(center),
                                                    "available", SagaFixture.n(units),
                                                    "reserved", SagaFixture.n(0))));
        }
        HttpResponse<String> minted =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                edge.resolve("/_local/token?user=crash-shopper"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        String token = SagaFixture.json(minted.body()).get("access_token").asText();
        return new InFlightOrders(gateway, token, sku, region);
    }

    /** The physical name of the table whose logical id starts with the prefix. */
    static String table(DynamoDbClient dynamo, String logicalPrefix) {
        return dynamo.listTablesPaginator(l -> l.limit(100)).tableNames().stream()
                .filter(n -> n.contains(logicalPrefix))
                .min(java.util.Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalStateException("no table " + logicalPrefix));
    }

    String sku() {
        return sku;
    }

    String center() {
        return "FC-CRASH";
    }

    /** Starts the shoppers. */
    void start(int threads) {
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            Thread shopper = new Thread(() -> shop(random), "crash-shopper-" + t);
            shoppers.add(shopper);
            shopper.start();
        }
    }

    private void shop(Random random) {
        while (!stop.get()) {
            int quantity = 1 + random.nextInt(3);
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(gateway + "/orders"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.formatted(quantity)))
                            .build();
            try {
                HttpResponse<String> answer =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    acknowledged.put(
                            SagaFixture.json(answer.body()).get("orderId").asText(), quantity);
                } else if (answer.statusCode() != 429) {
                    refusal.compareAndSet(null, answer.statusCode() + " " + answer.body());
                }
            } catch (IOException gone) {
                refusal.compareAndSet(null, "no answer: " + gone);
                return; // the server was killed: nothing after this was acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many were acknowledged so far; fails if the API refused an order for another reason. */
    int placed() {
        if (refusal.get() != null) {
            throw new AssertionError("an order was refused: " + refusal.get());
        }
        return acknowledged.size();
    }

    /** The orders acknowledged so far, with their quantities. */
    Map<String, Integer> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    String region() {
        return region;
    }

    /** Stops the shoppers and waits for them (not AutoCloseable: the wait may be interrupted). */
    void close() throws InterruptedException {
        stop.set(true);
        for (Thread shopper : shoppers) {
            shopper.join(30_000);
        }
    }
}
