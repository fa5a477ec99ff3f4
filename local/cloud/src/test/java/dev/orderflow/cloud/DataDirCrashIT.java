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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code orderflow up --data-dir} in a child JVM is killed with SIGKILL: every message SQS
 * acknowledged is there after a restart, and an execution parked on a task token continues with
 * that token.
 */
class DataDirCrashIT {

    @TempDir Path dir;

    @Test
    void sigkill_losesNoAcknowledgedMessage_andAParkedExecutionContinues() throws Exception {
        Path dataDir = dir.resolve("data");
        int edgePort = freePort();
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.orderflow.cloud.Main",
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
                                String.valueOf(freePort()))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
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
