package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.spi.TaskInvoker;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The order saga's shape on the real clock, through the SfnClient: Lambda tasks with Retry, a Map
 * over order lines, an SQS callback answered with heartbeats by another thread, and Catch-driven
 * compensation.
 */
class OrderSagaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAGA =
            """
            {"StartAt": "Reserve", "States": {
              "Reserve": {"Type": "Map", "ItemsPath": "$.lines", "ResultPath": "$.reservations",
                "ItemProcessor": {"StartAt": "ReserveLine", "States": {"ReserveLine": {"Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke", "OutputPath": "$.Payload",
                  "Parameters": {"FunctionName": "reserve", "Payload.$": "$"},
                  "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "BackoffRate": 1, "MaxAttempts": 2, "JitterStrategy": "FULL"}],
                  "End": true}}},
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Rejected"}], "Next": "Pay"},
              "Pay": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "HeartbeatSeconds": 5, "TimeoutSeconds": 30, "ResultPath": "$.payment",
                "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/payments",
                  "MessageBody": {"orderId.$": "$.orderId", "taskToken.$": "$$.Task.Token"}},
                "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.error", "Next": "Release"}], "Next": "Confirmed"},
              "Release": {"Type": "Map", "ItemsPath": "$.reservations", "ResultPath": null, "Next": "Rejected",
                "ItemProcessor": {"StartAt": "ReleaseLine", "States": {"ReleaseLine": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:release", "End": true}}}},
              "Rejected": {"Type": "Fail", "Error": "Order.Rejected", "CausePath": "$.error.Error"},
              "Confirmed": {"Type": "Succeed"}}}
            """;

    private final List<String> released = new CopyOnWriteArrayList<>();
    private final ExecutorService paymentService = Executors.newSingleThreadExecutor();
    private StepFunctionsServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        server = StepFunctionsServer.builder().port(0).taskInvoker(this::invoke).start();
        sfn = SdkClients.sfn(server).build();
    }

    @AfterEach
    void stop() {
        paymentService.shutdownNow();
        sfn.close();
        server.close();
    }

    private int throttles;

    private TaskOutcome invoke(TaskRequest request) {
        JsonNode p = request.parameters();
        switch (request.service() + ":" + request.action()) {
            case "lambda:invoke" -> {
                if (request.functionArn().isPresent()) {
                    released.add(p.path("sku").asText());
                    return TaskOutcome.success(JSON.createObjectNode().put("released", true));
                }
                synchronized (this) {
                    if (throttles++ == 0) {
                        return TaskOutcome.failure(
                                "Lambda.TooManyRequestsException", "Rate exceeded");
                    }
                }
                return TaskOutcome.success(
                        JSON.createObjectNode()
                                .put("sku", p.path("Payload").path("sku").asText())
                                .put("held", true));
            }
            case "sqs:sendMessage" -> {
                String token = p.path("MessageBody").path("taskToken").asText();
                boolean decline = p.path("MessageBody").path("orderId").asText().startsWith("bad");
                paymentService.execute(
                        () -> {
                            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
                            if (decline) {
                                sfn.sendTaskFailure(
                                        b ->
                                                b.taskToken(token)
                                                        .error("Payment.Declined")
                                                        .cause("card refused"));
                            } else {
                                sfn.sendTaskSuccess(
                                        b -> b.taskToken(token).output("{\"charged\":true}"));
                            }
                        });
                return TaskOutcome.success(JSON.createObjectNode().put("MessageId", "m-1"));
            }
            default -> {
                return TaskInvoker.resourceNotFound(request);
            }
        }
    }

    private software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse run(
            String orderId) {
        String arn =
                sfn.createStateMachine(
                                b ->
                                        b.name("saga")
                                                .definition(SAGA)
                                                .roleArn("arn:aws:iam::1:role/r"))
                        .stateMachineArn();
        String exec =
                sfn.startExecution(
                                b ->
                                        b.stateMachineArn(arn)
                                                .input(
                                                        "{\"orderId\":\""
                                                                + orderId
                                                                + "\",\"lines\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"))
                        .executionArn();
        server.engine().awaitExecution(exec, Duration.ofSeconds(20));
        return sfn.describeExecution(b -> b.executionArn(exec));
    }

    @Test
    void paidOrder_isConfirmed() throws Exception {
        var d = run("o-1");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("payment").path("charged").asBoolean()).isTrue();
        assertThat(out.path("reservations")).hasSize(2);
        assertThat(released).isEmpty();
    }

    @Test
    void declinedPayment_releasesEveryReservation() {
        var d = run("bad-1");
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("Order.Rejected");
        assertThat(d.cause()).isEqualTo("Payment.Declined");
        assertThat(released).containsExactlyInAnyOrder("a", "b");
    }
}
