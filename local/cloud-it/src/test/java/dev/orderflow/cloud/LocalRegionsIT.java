package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.cloud.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code up --regions eu-central-1,us-east-1}: two regions of the real template in one JVM, in
 * memory, on consecutive free ports; one token for both; global tables replicate, regional ones do
 * not; a region taken down refuses connections and comes back on the same ports with its items,
 * messages and a parked execution.
 */
class LocalRegionsIT {

    private static final String EU = "eu-central-1";
    private static final String US = "us-east-1";
    private static final Duration LAG = Duration.ofMillis(300);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalRegions regions;
    private static int edgeBase;
    private static int apiBase;

    @BeforeAll
    static void boot() throws IOException {
        edgeBase = freePortPair();
        apiBase = freePortPair();
        regions =
                LocalRegions.builder()
                        .template(SharedCloud.template())
                        .functionCode(SharedCloud.handlerJar())
                        .regions(List.of(EU, US))
                        .edgePort(edgeBase)
                        .gatewayPort(apiBase)
                        .replicationLag(LAG)
                        .stageThrottle(false)
                        .start();
    }

    @AfterAll
    static void stop() {
        if (regions != null) {
            regions.close();
        }
    }

    @Test
    void regionI_servesOnTheBasePortsPlusI_withItsOwnRegion() throws Exception {
        assertThat(regions.edgeEndpoint(EU).getPort()).isEqualTo(edgeBase);
        assertThat(regions.edgeEndpoint(US).getPort()).isEqualTo(edgeBase + 1);
        assertThat(regions.gatewayEndpoint(EU).orElseThrow().getPort()).isEqualTo(apiBase);
        assertThat(regions.gatewayEndpoint(US).orElseThrow().getPort()).isEqualTo(apiBase + 1);
        for (String region : List.of(EU, US)) {
            assertThat(get(regions.gatewayEndpoint(region).orElseThrow() + "/health", null))
                    .extracting(HttpResponse::statusCode)
                    .isEqualTo(200);
            try (LambdaClient lambda = Clients.lambda(regions.edgeEndpoint(region))) {
                String function = regions.region(region).physicalId("HealthFunction").orElseThrow();
                assertThat(
                                lambda.getFunction(r -> r.functionName(function))
                                        .configuration()
                                        .functionArn())
                        .startsWith("arn:aws:lambda:" + region + ":");
            }
        }
    }

    @Test
    void aTokenOfTheFirstRegion_isAcceptedByTheOther() throws Exception {
        String token = regions.region(EU).token("erin", List.of(), List.of(), Duration.ofHours(1));

        HttpResponse<String> me = get(regions.gatewayEndpoint(US).orElseThrow() + "/me", token);

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body())
                .contains(
                        UUID.nameUUIDFromBytes("erin".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void aGlobalTableWrite_reachesTheOtherRegionAfterTheLag() {
        String table = regions.region(EU).physicalId("DataProducts").orElseThrow();
        assertThat(regions.replicatedTables()).containsKey(table);
        String sku = "GLOBAL-" + UUID.randomUUID();
        try (DynamoDbClient eu = Clients.dynamo(regions.edgeEndpoint(EU));
                DynamoDbClient us = Clients.dynamo(regions.edgeEndpoint(US))) {
            eu.putItem(r -> r.tableName(table).item(product(sku)));

            await().atMost(LAG.multipliedBy(20))
                    .until(() -> us.getItem(r -> r.tableName(table).key(key(sku))).hasItem());
        }
    }

    @Test
    void theDemoCatalog_isSeededOnce_andReplicatedTablesReachTheOtherRegion() {
        assertThat(regions.seedDemoCatalog()).isPositive();
        String products = regions.region(EU).physicalId("DataProducts").orElseThrow();
        String inventory = regions.region(EU).physicalId("DataInventory").orElseThrow();
        try (DynamoDbClient us = Clients.dynamo(regions.edgeEndpoint(US))) {
            await().atMost(LAG.multipliedBy(20))
                    .until(
                            () ->
                                    us.getItem(r -> r.tableName(products).key(key("MUG-BLUE")))
                                            .hasItem());
            // Inventory is regional: seeded in every region
            assertThat(us.scan(r -> r.tableName(inventory)).count()).isPositive();
        }
    }

    @Test
    void aRegionalTableWrite_staysInItsRegion() {
        String table = regions.region(EU).physicalId("DataIdempotency").orElseThrow();
        assertThat(regions.replicatedTables()).doesNotContainKey(table);
        String id = "regional-" + UUID.randomUUID();
        try (DynamoDbClient eu = Clients.dynamo(regions.edgeEndpoint(EU));
                DynamoDbClient us = Clients.dynamo(regions.edgeEndpoint(US))) {
            CloudSteps.putKind(eu, table, id, "eu-only");
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));

            await().during(LAG.multipliedBy(4))
                    .atMost(LAG.multipliedBy(10))
                    .until(() -> !us.getItem(r -> r.tableName(table).key(key)).hasItem());
        }
    }

    @Test
    void regionDown_closesItsPorts_andUp_reopensThemWithItsData() throws Exception {
        URI usEdge = regions.edgeEndpoint(US);
        URI usApi = regions.gatewayEndpoint(US).orElseThrow();
        String table = regions.region(US).physicalId("DataIdempotency").orElseThrow();
        String id = "kept-" + UUID.randomUUID();
        String queue = "regions-callbacks-" + UUID.randomUUID().toString().substring(0, 8);
        String parked;
        try (DynamoDbClient dynamo = Clients.dynamo(usEdge);
                SqsClient sqs = Clients.sqs(usEdge);
                SfnClient sfn = Clients.sfn(usEdge)) {
            CloudSteps.putKind(dynamo, table, id, "kept");
            String callbacks = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
            parked = CloudSteps.startParkedOnCallback(sfn, queue, callbacks);
        }

        CliRun down = cli("region", "down", US, "--port", String.valueOf(edgeBase));

        assertThat(down.status()).as(down.err()).isZero();
        assertThat(down.out()).contains("region " + US + " is down");
        assertThat(regions.isUp(US)).isFalse();
        assertRefused(usEdge);
        assertRefused(usApi);
        assertThat(get(regions.gatewayEndpoint(EU).orElseThrow() + "/health", null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = post(regions.edgeEndpoint(EU), "/" + US + "/down");
        assertProblem(again, 409, "is down already");
        assertProblem(post(regions.edgeEndpoint(EU), "/ap-south-1/down"), 404, "no region");
        assertThatThrownBy(() -> regions.down(EU))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only region up");

        String products = regions.region(EU).physicalId("DataProducts").orElseThrow();
        String sku = "WHILE-DOWN-" + UUID.randomUUID();
        try (DynamoDbClient eu = Clients.dynamo(regions.edgeEndpoint(EU))) {
            eu.putItem(r -> r.tableName(products).item(product(sku)));
        }

        HttpResponse<String> up = post(regions.edgeEndpoint(EU), "/" + US + "/up");

        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(regions.edgeEndpoint(US)).isEqualTo(usEdge);
        assertThat(regions.gatewayEndpoint(US)).contains(usApi);
        assertThat(get(usApi + "/health", null).statusCode()).isEqualTo(200);
        try (DynamoDbClient dynamo = Clients.dynamo(usEdge);
                SqsClient sqs = Clients.sqs(usEdge);
                SfnClient sfn = Clients.sfn(usEdge)) {
            assertThat(
                            dynamo.getItem(
                                            r ->
                                                    r.tableName(table)
                                                            .key(
                                                                    Map.of(
                                                                            "id",
                                                                            AttributeValue.fromS(
                                                                                    id))))
                                    .item()
                                    .get("kind")
                                    .s())
                    .isEqualTo("kept");
            // the global write made while it was down arrives once it is up
            await().atMost(LAG.multipliedBy(20))
                    .until(
                            () ->
                                    dynamo.getItem(r -> r.tableName(products).key(key(sku)))
                                            .hasItem());
            // the parked execution resumed with its token, whose message the queue kept
            CloudSteps.answerCallback(sqs, sfn, queue, parked, "{\"resumed\":true}");
        }
    }

    /** A port whose next port is free too (region 1 takes base + 1). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port >= 65535) {
                    continue;
                }
                if (free(port + 1)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return probe.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void assertRefused(URI endpoint) {
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .as(endpoint + " should refuse connections")
                .isInstanceOf(ConnectException.class);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(r.body()).contains(detail);
    }

    private static Map<String, AttributeValue> product(String sku) {
        return Map.of(
                "sku",
                AttributeValue.fromS(sku),
                "name",
                AttributeValue.fromS("replicated"),
                "priceMinor",
                AttributeValue.fromN("100"),
                "currency",
                AttributeValue.fromS("EUR"),
                "active",
                AttributeValue.fromBool(true));
    }

    private static Map<String, AttributeValue> key(String sku) {
        return Map.of("sku", AttributeValue.fromS(sku));
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI edge, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(edge + "/_orderflow/regions" + path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record CliRun(int status, String out, String err) {}

    private static CliRun cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                Cli.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
