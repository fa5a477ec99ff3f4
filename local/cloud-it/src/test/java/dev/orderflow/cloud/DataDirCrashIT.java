package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code orderflow up --data-dir} in a child JVM is killed with SIGKILL: every message SQS
 * acknowledged is there after a restart, an execution parked on a task token continues with that
 * token, and orders placed and sagas running at the moment of the kill are neither lost nor
 * doubled.
 */
class DataDirCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirCrashIT.class);

    @TempDir Path dir;

    @Test
    void sigkill_losesNoAcknowledgedMessage_andAParkedExecutionContinues() throws Exception {
        Path dataDir = dir.resolve("data");
        int edgePort = freePort();
        Process child = startChild(dataDir, edgePort, freePort());
        URI edge = URI.create("http://127.0.0.1:" + edgePort);
        Set<String> acknowledged = new HashSet<>();
        String parked;
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> up(edge, child));
            try (SqsClient sqs = Clients.sqs(edge);
                    SfnClient sfn = Clients.sfn(edge)) {
                String queue = sqs.createQueue(r -> r.queueName("crash-kept")).queueUrl();
                String callbacks = sqs.createQueue(r -> r.queueName("crash-callbacks")).queueUrl();
                for (int i = 0; i < 20; i++) {
                    String body = "m" + i;
                    acknowledged.add(
                            sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body)).messageId());
                }
                parked = CloudSteps.startParkedOnCallback(sfn, "crash-callback", callbacks);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor();
        }

        try (LocalCloud restarted =
                        CloudSteps.onFreePorts(SharedCloud.template(), SharedCloud.handlerJar())
                                .dataDir(dataDir)
                                .start();
                SqsClient sqs = Clients.sqs(restarted.edgeEndpoint());
                SfnClient sfn = Clients.sfn(restarted.edgeEndpoint())) {
            String queue = sqs.getQueueUrl(r -> r.queueName("crash-kept")).queueUrl();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 10 && received.size() < acknowledged.size(); i++) {
                for (Message m :
                        sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10))
                                .messages()) {
                    received.add(m.messageId());
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(acknowledged);

            CloudSteps.answerCallback(sqs, sfn, "crash-callbacks", parked, "{\"shipped\":true}");
        }
    }

    /**
     * What the engines guarantee for a process kill: a write acknowledged before SIGKILL is on disk
     * (the WAL and the journal are written before the answer; fsync only matters to an OS crash).
     * So every order answered 202 is there after the restart with its items and amount; every
     * stored order, acknowledged or not, gets exactly one saga and ships; and stock is the initial
     * units less what the stored orders took.
     */
    @Test
    void sigkill_whileOrdersAndSagasAreInFlight_losesNoAcknowledgedOrder_andDoublesNoSaga()
            throws Exception {
        Path dataDir = dir.resolve("inflight");
        int edgePort = freePort();
        int apiPort = freePort();
        int units = 100_000;
        Process child = startChild(dataDir, edgePort, apiPort);
        URI edge = URI.create("http://127.0.0.1:" + edgePort);
        Map<String, Integer> acknowledged;
        InFlightOrders orders;
        try {
            URI api = URI.create("http://127.0.0.1:" + apiPort);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> up(edge, child) && answers(api.resolve("/health")));
            orders = InFlightOrders.prepare(edge, api, units);
            orders.start(6);
            try {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> orders.placed() >= 120);
            } finally {
                child.destroyForcibly(); // SIGKILL while the shoppers are still placing
                child.waitFor();
                orders.close(); // the shoppers stop once the server is gone
                acknowledged = orders.acknowledged();
            }
        } finally {
            child.destroyForcibly();
        }

        // Restarted as a user would, in a JVM of its own: `orderflow up` with the same data dir.
        int restartedEdgePort = freePort();
        Process restarted = startChild(dataDir, restartedEdgePort, freePort());
        URI restartedEdge = URI.create("http://127.0.0.1:" + restartedEdgePort);
        try (DynamoDbClient dynamo = Clients.dynamo(restartedEdge);
                SfnClient sfn = Clients.sfn(restartedEdge)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> up(restartedEdge, restarted));
            String table = InFlightOrders.table(dynamo, "DataOrders");
            Map<String, Map<String, AttributeValue>> stored = ordersOf(dynamo, table, orders.sku());
            assertThat(stored.keySet()).containsAll(acknowledged.keySet());
            long unfinished =
                    stored.values().stream()
                            .filter(i -> !i.get("status").s().equals("SHIPPED"))
                            .count();
            // Sagas were in flight at the kill: some stored orders had not shipped yet.
            assertThat(unfinished).isPositive();
            for (var order : stored.entrySet()) {
                Map<String, AttributeValue> item = order.getValue();
                List<AttributeValue> lines = item.get("lines").l();
                assertThat(lines).as(order.getKey()).hasSize(1);
                int quantity = Integer.parseInt(lines.get(0).m().get("quantity").n());
                if (acknowledged.containsKey(order.getKey())) {
                    assertThat(quantity)
                            .as(order.getKey())
                            .isEqualTo(acknowledged.get(order.getKey()));
                }
                assertThat(Long.parseLong(item.get("totalMinor").n()))
                        .as(order.getKey())
                        .isEqualTo(InFlightOrders.PRICE_MINOR * quantity);
            }
            String machine =
                    sfn.listStateMachines().stateMachines().stream()
                            .filter(m -> m.name().contains("WorkflowOrderFulfillment"))
                            .findFirst()
                            .orElseThrow()
                            .stateMachineArn();

            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> unshipped(dynamo, table, orders.sku()).isEmpty());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        "orders that never shipped after the restart: "
                                + stuck(dynamo, sfn, table, machine, orders.sku()),
                        e);
            }
            Map<String, Long> sagas =
                    sfn
                            .listExecutionsPaginator(l -> l.stateMachineArn(machine))
                            .executions()
                            .stream()
                            .collect(
                                    Collectors.groupingBy(
                                            ExecutionListItem::name, Collectors.counting()));
            Map<String, Integer> shipped = new HashMap<>();
            for (var order : ordersOf(dynamo, table, orders.sku()).entrySet()) {
                assertThat(sagas.get(order.getKey()))
                        .as("sagas of " + order.getKey())
                        .isEqualTo(1L);
                shipped.put(
                        order.getKey(),
                        Integer.parseInt(
                                order.getValue().get("lines").l().get(0).m().get("quantity").n()));
            }
            assertThat(shipped.keySet()).isEqualTo(stored.keySet());
            Map<String, AttributeValue> stock =
                    dynamo.getItem(
                                    g ->
                                            g.tableName(
                                                            InFlightOrders.table(
                                                                    dynamo, "DataInventory"))
                                                    .consistentRead(true)
                                                    .key(
                                                            Map.of(
                                                                    "sku",
                                                                            SagaFixture.s(
                                                                                    orders.sku()),
                                                                    "centerId",
                                                                            SagaFixture.s(
                                                                                    orders
                                                                                            .center()))))
                            .item();
            int taken = shipped.values().stream().mapToInt(Integer::intValue).sum();
            LOG.info(
                    "SIGKILL after {} acknowledged orders: {} stored, {} unfinished at restart, {}"
                            + " units taken",
                    acknowledged.size(),
                    stored.size(),
                    unfinished,
                    taken);
            assertThat(Integer.parseInt(stock.get("available").n())).isEqualTo(units - taken);
            assertThat(Integer.parseInt(stock.get("reserved").n())).isZero();
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    private static List<String> unshipped(DynamoDbClient dynamo, String table, String sku) {
        return ordersOf(dynamo, table, sku).entrySet().stream()
                .filter(e -> !e.getValue().get("status").s().equals("SHIPPED"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Each unshipped order's status and what became of its saga. */
    private static String stuck(
            DynamoDbClient dynamo, SfnClient sfn, String table, String machine, String sku) {
        Map<String, String> sagas = new HashMap<>();
        sfn.listExecutionsPaginator(l -> l.stateMachineArn(machine))
                .executions()
                .forEach(e -> sagas.merge(e.name(), e.statusAsString(), (a, b) -> a + "+" + b));
        Map<String, Map<String, AttributeValue>> all = ordersOf(dynamo, table, sku);
        StringBuilder out = new StringBuilder();
        for (String id : unshipped(dynamo, table, sku)) {
            out.append("\n  ")
                    .append(id)
                    .append(' ')
                    .append(all.get(id).get("status").s())
                    .append(" saga=")
                    .append(sagas.getOrDefault(id, "none"));
        }
        return out.toString();
    }

    /** Every stored order of the product, by id. */
    private static Map<String, Map<String, AttributeValue>> ordersOf(
            DynamoDbClient dynamo, String table, String sku) {
        Map<String, Map<String, AttributeValue>> orders = new HashMap<>();
        dynamo.scanPaginator(s -> s.tableName(table).consistentRead(true)).items().stream()
                .filter(i -> "ORDER".equals(i.get("sk").s()) && i.containsKey("lines"))
                .filter(
                        i ->
                                i.get("lines").l().stream()
                                        .anyMatch(l -> sku.equals(l.m().get("sku").s())))
                .forEach(i -> orders.put(i.get("orderId").s(), i));
        return orders;
    }

    private Process startChild(Path dataDir, int edgePort, int apiPort) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // the flags `./orderflow up` starts the stack with
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.orderflow.cloud.cli.Main",
                        "up",
                        "--template",
                        SharedCloud.template().toString(),
                        "--code",
                        SharedCloud.handlerJar().toString(),
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        String.valueOf(edgePort),
                        "--api-port",
                        String.valueOf(apiPort))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + edgePort + ".log").toFile())
                .start();
    }

    private static boolean answers(URI uri) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean up(URI edge, Process child) {
        if (!child.isAlive()) {
            throw new IllegalStateException("the child JVM exited: see child.log");
        }
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(edge.resolve("/_local/status")).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
