package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.StateMachineType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone entry point's options, and the raw AWS JSON 1.0 wire format. */
class StepFunctionsLocalTest {
    @TempDir Path dir;

    @Test
    void options_configureAServer_thatSpeaksAwsJson10() throws Exception {
        Path mocks =
                Files.writeString(
                        dir.resolve("m.json"), "{\"StateMachines\":{},\"MockedResponses\":{}}");
        try (StepFunctionsServer server =
                StepFunctionsLocal.configure(
                                new String[] {
                                    "--port",
                                    "0",
                                    "--mock-config",
                                    mocks.toString(),
                                    "--region",
                                    "eu-west-1"
                                })
                        .start()) {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                            .header("Content-Type", "application/x-amz-json-1.0")
                            .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"executionArn\":\"arn:aws:states:eu-west-1:123456789012:execution:m:e\"}"))
                            .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("application/x-amz-json-1.0");
            assertThat(response.body())
                    .contains(
                            "\"__type\":\"com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist\"");
            String created =
                    server.engine()
                            .createStateMachine(
                                    "m",
                                    "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}",
                                    "arn:aws:iam::1:role/r",
                                    StateMachineType.STANDARD)
                            .stateMachineArn();
            assertThat(created).startsWith("arn:aws:states:eu-west-1:");
        }
    }

    @Test
    void unknownOption_isRejected() {
        assertThatThrownBy(() -> StepFunctionsLocal.configure(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bogus");
    }
}
