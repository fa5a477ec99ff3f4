package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The console's JSON API on the edge of the shared cloud, over HTTP as the page reads it: a failed
 * payment's execution with each state's outcome, a dead-letter message peeked and redriven, tables
 * paged and queried, functions with their invocations, and the problems a bad request gets.
 */
class ConsoleApiIT extends SagaTestSupport {

    private ConsoleClient console;

    @BeforeEach
    void console() {
        console = new ConsoleClient(cloud);
    }

    @Test
    void theConsolePage_isServedFromTheJar() {
        HttpResponse<String> bare = console.get("/_console");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).contains("/_console/");

        HttpResponse<String> page = console.get("/_console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("console.js", "console.css");
        assertThat(console.get("/_console/console.js").statusCode()).isEqualTo(200);
        assertThat(console.get("/_console/console.css").statusCode()).isEqualTo(200);

        HttpResponse<String> missing = console.get("/_console/nothing.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .contains("application/problem+json");
    }

    @Test
    void aFailedPayment_showsTakePaymentCaughtWithItsError_andTheStatesAfterIt() {
        SagaFixture.Stocked stocked = shop.stocked(1004, "", 3600, 5); // ..04: provider down
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 1));
        shop.awaitEnd(alice, id);

        JsonNode list = console.api("executions?name=" + id);
        assertThat(list.path("executions")).hasSize(1);
        assertThat(console.api("executions?status=FAILED&name=" + id).path("executions")).isEmpty();
        String arn = list.at("/executions/0/executionArn").asText();

        JsonNode execution = console.api("execution?arn=" + ConsoleClient.encode(arn));
        assertThat(execution.at("/execution/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/definition/StartAt").asText()).isEqualTo("RecordExecution");
        assertThat(execution.path("events").size()).isGreaterThan(10);
        JsonNode states = execution.path("states");
        JsonNode payment = states.path("TakePayment");
        assertThat(payment.path("outcome").asText()).isEqualTo("caught");
        assertThat(payment.path("error").asText())
                .isEqualTo("dev.orderflow.domain.payment.PaymentUnavailable");
        assertThat(payment.path("failures").asInt()).isEqualTo(4); // the first try and 3 retries
        assertThat(payment.at("/input/orderId").asText()).isEqualTo(id);
        assertThat(states.at("/ReserveStock/outcome").asText()).isEqualTo("succeeded");
        assertThat(states.at("/RefundPayment/outcome").asText()).isEqualTo("succeeded");
        assertThat(states.has("ShipFromCenters")).as("not reached").isFalse();
    }

    @Test
    void aDeadLetterMessage_isPeeked_thenRedrivenToItsSource() {
        SqsClient sqs = Clients.sqs(cloud.edgeEndpoint());
        ConsoleClient.QueuePair pair = ConsoleClient.queuePair(sqs);
        sqs.sendMessage(s -> s.queueUrl(pair.dlqUrl()).messageBody("{\"orderId\":\"o-1\"}"));

        JsonNode dlq = console.queue(pair.dlq());
        assertThat(dlq.path("visible").asInt()).isEqualTo(1);
        assertThat(dlq.path("sourceQueues").get(0).asText()).isEqualTo(pair.source());
        assertThat(console.queue(pair.source()).path("deadLetterQueue").asText())
                .isEqualTo(pair.dlq());

        JsonNode messages = console.api("queues/" + pair.dlq() + "/messages").path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/body").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
        assertThat(messages.at("/0/receiveCount").asInt()).isEqualTo(1); // the look itself
        String messageId = messages.at("/0/messageId").asText();

        HttpResponse<String> redriven =
                console.post(
                        "/_console/api/queues/" + pair.dlq() + "/redrive",
                        "application/json",
                        "{\"messageId\":\"" + messageId + "\"}");
        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
        assertThat(ConsoleClient.json(redriven.body()).path("to").asText())
                .isEqualTo(pair.source());
        assertThat(console.queue(pair.dlq()).path("visible").asInt()).isZero();
        assertThat(console.queue(pair.source()).path("visible").asInt()).isEqualTo(1);

        HttpResponse<String> again =
                console.post(
                        "/_console/api/queues/" + pair.dlq() + "/redrive",
                        "application/json",
                        "{\"messageId\":\"" + messageId + "\"}");
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void theOneWrite_refusesWhatABrowserFormOrAMistakeWouldSend() {
        SqsClient sqs = Clients.sqs(cloud.edgeEndpoint());
        ConsoleClient.QueuePair pair = ConsoleClient.queuePair(sqs);
        String redrive = "/_console/api/queues/" + pair.dlq() + "/redrive";

        assertThat(console.post(redrive, "text/plain", "{\"messageId\":\"x\"}").statusCode())
                .isEqualTo(415);
        assertThat(console.post(redrive, "application/json", "[1]").statusCode()).isEqualTo(400);
        assertThat(console.post(redrive, "application/json", "{").statusCode()).isEqualTo(400);
        assertThat(console.post(redrive, "application/json", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> notADlq =
                console.get("/_console/api/queues/" + pair.source() + "/messages");
        assertThat(notADlq.statusCode()).isEqualTo(409);
        assertThat(notADlq.body()).contains("not-a-dead-letter-queue");
        assertThat(console.get("/_console/api/queues/no-such-queue/messages").statusCode())
                .isEqualTo(404);
        assertThat(console.post("/_console/api/queues", "application/json", "{}").statusCode())
                .isEqualTo(405);
    }

    @Test
    void tables_arePagedByScan_andQueriedByPartitionKey() {
        String products = shop.table("DataProducts");
        String sku = shop.product(1000);

        JsonNode tables = console.api("tables").path("tables");
        assertThat(
                        StreamSupport.stream(tables.spliterator(), false)
                                .map(t -> t.path("name").asText()))
                .contains(products, shop.table("DataOrders"));

        JsonNode first = console.api("tables/" + products + "/items?limit=1");
        assertThat(first.path("items")).hasSize(1);
        String next = first.path("next").asText();
        assertThat(next).isNotBlank();
        JsonNode second = console.api("tables/" + products + "/items?limit=1&next=" + next);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.at("/items/0")).isNotEqualTo(first.at("/items/0"));

        JsonNode bySku = console.api("tables/" + products + "/items?key=" + sku);
        assertThat(bySku.path("operation").asText()).isEqualTo("Query");
        assertThat(bySku.at("/items/0/sku/S").asText()).isEqualTo(sku);

        assertThat(console.get("/_console/api/tables/" + products + "/items?limit=0").statusCode())
                .isEqualTo(400);
        assertThat(console.get("/_console/api/tables/nope/items").statusCode()).isEqualTo(404);
        assertThat(console.get("/_console/api/tables/" + products + "/items?next=!!!").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theOrdersStream_showsItsNewestRecords() {
        String orders = shop.table("DataOrders");
        String id = shop.placeOrder(alice, Map.of(shop.stocked(APPROVED, "", 3600, 5).sku(), 1));
        shop.awaitEnd(alice, id);

        JsonNode stream = console.api("tables/" + orders + "/stream?limit=100");
        assertThat(stream.path("streamArn").asText()).isNotBlank();
        assertThat(stream.path("records").toString()).contains(id);
    }

    @Test
    void functions_listTheirRecentInvocations_coldOrWarm() throws Exception {
        String event = Files.readString(SharedCloud.REPO.resolve("events/apigw-get-health.json"));
        cloud.invoke("Health", event);
        cloud.invoke("Health", event);

        JsonNode functions = console.api("functions");
        JsonNode health =
                StreamSupport.stream(functions.path("functions").spliterator(), false)
                        .filter(f -> f.path("logicalId").asText().startsWith("Health"))
                        .findFirst()
                        .orElseThrow();
        assertThat(health.path("invocations").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(health.path("recent").size()).isGreaterThanOrEqualTo(2);
        assertThat(health.at("/recent/0/durationMs").asDouble()).isPositive();
        assertThat(health.at("/recent/0/cold").asBoolean()).isFalse(); // the second one is warm
        assertThat(functions.path("eventSourceMappings").toString())
                .contains("FulfillmentRequests");
    }

    @Test
    void anInvocation_showsTheLinesItsHandlerLogged_andOnlyThose() throws Exception {
        String event = Files.readString(SharedCloud.REPO.resolve("events/apigw-get-health.json"));
        cloud.invoke("Health", event);
        cloud.invoke("Health", event);

        JsonNode health = health(console.api("functions"));
        String name = health.path("name").asText();
        for (int i = 0; i < 2; i++) {
            JsonNode recent = health.path("recent").get(i);
            assertThat(recent.path("logLines").asInt()).isPositive();
            JsonNode invocation =
                    console.api(
                            "functions/"
                                    + name
                                    + "/invocations/"
                                    + recent.path("requestId").asText());
            assertThat(invocation.path("requestId").asText())
                    .isEqualTo(recent.path("requestId").asText());
            // the handler's one summary line (Powertools JSON), its own and not the other's
            assertThat(
                            StreamSupport.stream(invocation.path("log").spliterator(), false)
                                    .map(JsonNode::asText)
                                    .filter(line -> line.contains("GET /health -> 200")))
                    .hasSize(1);
        }

        HttpResponse<String> gone =
                console.get("/_console/api/functions/" + name + "/invocations/no-such-request");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(console.get("/_console/api/functions/nope/invocations/x").statusCode())
                .isEqualTo(404);
    }

    @Test
    void eventSourceMappings_showTheirQueuesBatches_andTheirStreamCheckpoints() {
        String id = shop.placeOrder(alice, Map.of(shop.stocked(APPROVED, "", 3600, 5).sku(), 1));
        shop.awaitEnd(alice, id);

        // the order's stream records are all done with: a checkpoint, nothing behind it
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            JsonNode stream =
                                    mapping(console.api("functions"), "StartFulfillment")
                                            .path("position");
                            assertThat(stream.path("kind").asText()).isEqualTo("stream");
                            assertThat(stream.path("shards")).isNotEmpty();
                            assertThat(stream.findValues("checkpoint"))
                                    .anyMatch(JsonNode::isTextual);
                            assertThat(stream.findValues("behind"))
                                    .allMatch(behind -> behind.asInt() == 0);
                        });
        JsonNode stream = mapping(console.api("functions"), "StartFulfillment").path("position");
        JsonNode shard =
                StreamSupport.stream(stream.path("shards").spliterator(), false)
                        .filter(s -> s.path("checkpoint").isTextual())
                        .findFirst()
                        .orElseThrow();
        assertThat(shard.path("latest").asText()).isEqualTo(shard.path("checkpoint").asText());

        JsonNode queue = mapping(console.api("functions"), "FulfillShipment").path("position");
        assertThat(queue.path("kind").asText()).isEqualTo("sqs");
        assertThat(queue.path("queue").asText()).contains("FulfillmentRequests");
        assertThat(queue.path("pollers").asInt()).isPositive();
        assertThat(queue.path("maxBatches").asInt())
                .isGreaterThanOrEqualTo(queue.path("pollers").asInt());
        for (String count :
                List.of("visible", "inFlight", "delayed", "batchesInFlight", "messagesInFlight")) {
            assertThat(queue.path(count).isNumber()).as(count).isTrue();
            assertThat(queue.path(count).asInt()).as(count).isNotNegative();
        }
    }

    static JsonNode mapping(JsonNode functions, String logicalIdPrefix) {
        return StreamSupport.stream(functions.path("eventSourceMappings").spliterator(), false)
                .filter(m -> m.path("logicalId").asText().startsWith(logicalIdPrefix))
                .findFirst()
                .orElseThrow();
    }

    static JsonNode health(JsonNode functions) {
        return StreamSupport.stream(functions.path("functions").spliterator(), false)
                .filter(f -> f.path("logicalId").asText().startsWith("Health"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void mapIterationsAndParallelBranches_eachHaveTheirOwnStatesAndEvents() {
        String arn = ConsoleClient.lanesExecution(Clients.sfn(cloud.edgeEndpoint()));

        JsonNode execution = console.api("execution?arn=" + ConsoleClient.encode(arn));
        assertThat(execution.at("/execution/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/states/Fan/outcome").asText()).isEqualTo("caught");
        JsonNode branches = execution.at("/branches/Fan");
        assertThat(branches).hasSize(2);
        assertThat(branches.at("/0/index").asInt()).isZero();
        assertThat(branches.at("/0/outcome").asText()).isEqualTo("succeeded");
        assertThat(branches.at("/0/states").has("Right")).as("the other branch's state").isFalse();
        assertThat(branches.at("/1/outcome").asText()).isEqualTo("failed");
        // a Fail state in a branch: AWS records no error for it, the Parallel's Catch takes it
        assertThat(branches.at("/1/states/Right/outcome").asText()).isEqualTo("failed");
        assertThat(branches.at("/1/states").has("Left")).isFalse();

        JsonNode iterations = execution.at("/iterations/Items");
        assertThat(iterations).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode iteration = iterations.get(i);
            assertThat(iteration.path("index").asInt()).isEqualTo(i);
            assertThat(iteration.path("outcome").asText()).isEqualTo("succeeded");
            assertThat(iteration.at("/states/Check/outcome").asText()).isEqualTo("succeeded");
            assertThat(iteration.path("states").has("Odd")).as("iteration %d", i).isEqualTo(i == 1);
            assertThat(iteration.path("states").has("Even"))
                    .as("iteration %d", i)
                    .isEqualTo(i != 1);
            assertThat(iteration.at("/states/Check/input").asInt()).isEqualTo(i);
        }
        // each iteration's events: its MapIteration events and its own states', no other's
        JsonNode events = execution.path("events");
        assertThat(typesOf(events, iterations.at("/1/events")))
                .containsExactly(
                        "MapIterationStarted",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "PassStateEntered",
                        "PassStateExited",
                        "MapIterationSucceeded");
        // the whole execution's view merges the iterations
        assertThat(execution.at("/states/Odd/entries").asInt()).isEqualTo(1);
        assertThat(execution.at("/states/Even/entries").asInt()).isEqualTo(2);

        // DISTRIBUTED: the Map Run's children are executions with their own history and graph
        assertThat(execution.at("/states/Spread/outcome").asText()).isEqualTo("succeeded");
        String mapRun = execution.at("/mapRuns/Spread/0").asText();
        assertThat(mapRun).contains(":mapRun:");
        JsonNode children = console.api("map-run?arn=" + ConsoleClient.encode(mapRun));
        assertThat(children.path("children")).hasSize(3);
        assertThat(children.at("/children/2/index").asInt()).isEqualTo(2);
        assertThat(children.at("/children/0/status").asText()).isEqualTo("SUCCEEDED");
        JsonNode child =
                console.api(
                        "execution?arn="
                                + ConsoleClient.encode(
                                        children.at("/children/0/executionArn").asText()));
        assertThat(child.path("parentExecutionArn").asText()).isEqualTo(arn);
        assertThat(child.at("/definition/StartAt").asText()).isEqualTo("Echo");
        assertThat(child.at("/states/Echo/outcome").asText()).isEqualTo("succeeded");
        assertThat(child.at("/states/Echo/input").asInt()).isZero();

        assertThat(console.get("/_console/api/map-run").statusCode()).isEqualTo(400);
        HttpResponse<String> noRun =
                console.get(
                        "/_console/api/map-run?arn="
                                + ConsoleClient.encode(mapRun.replace(":mapRun:", ":mapRun:x")));
        assertThat(noRun.statusCode()).isEqualTo(404);
        assertThat(noRun.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private static java.util.List<String> typesOf(JsonNode events, JsonNode ids) {
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        ids.forEach(id -> wanted.add(id.asLong()));
        return StreamSupport.stream(events.spliterator(), false)
                .filter(e -> wanted.contains(e.path("id").asLong()))
                .map(e -> e.path("type").asText())
                .toList();
    }

    @Test
    void badQueries_getProblems_notServerErrors() {
        assertThat(console.get("/_console/api/executions?status=BAD").statusCode()).isEqualTo(400);
        assertThat(console.get("/_console/api/execution").statusCode()).isEqualTo(400);
        assertThat(
                        console.get(
                                        "/_console/api/execution?arn=arn:aws:states:us-east-1:1:execution:x:y")
                                .statusCode())
                .isEqualTo(404);
        assertThat(console.get("/_console/api/nothing").statusCode()).isEqualTo(404);
    }
}
