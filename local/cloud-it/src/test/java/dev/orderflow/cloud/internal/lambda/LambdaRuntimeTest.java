package dev.orderflow.cloud.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.cloud.internal.lambda.fixture.ProbeHandler;
import dev.orderflow.cloud.internal.lambda.fixture.ProbeJar;
import dev.orderflow.cloud.internal.lambda.fixture.StreamProbeHandler;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaRuntimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    private static Path jar;
    private LambdaRuntime runtime;

    @BeforeAll
    static void packageProbe() throws IOException {
        jar = ProbeJar.build(dir);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private LambdaFunction deploy(
            String name, int timeoutSeconds, Optional<Integer> reserved, String greeting) {
        return deploy(name, ProbeHandler.class.getName(), timeoutSeconds, reserved, greeting);
    }

    private LambdaFunction deploy(
            String name,
            String handler,
            int timeoutSeconds,
            Optional<Integer> reserved,
            String greeting) {
        if (runtime == null) {
            runtime = new LambdaRuntime(Clock.systemUTC(), 10);
        }
        runtime.deploy(
                new FunctionSpec(
                        name + "Function1234",
                        name,
                        "arn:aws:lambda:us-east-1:000000000000:function:" + name,
                        handler,
                        "java21",
                        256,
                        timeoutSeconds,
                        Map.of("GREETING", greeting),
                        jar,
                        reserved),
                Map.of("AWS_REGION", "eu-west-1"));
        return runtime.find(name).orElseThrow();
    }

    private static JsonNode payload(InvocationResult result) throws IOException {
        return JSON.readTree(result.payload());
    }

    /**
     * Lambda's serialization library caches the event classes it loads by name for the whole JVM;
     * each function's own classes of those names must still get the stream record's members.
     */
    @Test
    void twoStreamFunctions_eachGetTheWholeRecord() throws IOException {
        String handler = StreamProbeHandler.class.getName();
        deploy("firstStream", handler, 5, Optional.empty(), "");
        deploy("secondStream", handler, 5, Optional.empty(), "");
        byte[] event =
                """
                {"Records":[{"eventID":"1","eventName":"REMOVE","eventSource":"aws:dynamodb",
                  "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
                  "dynamodb":{"Keys":{"pk":{"S":"a"}},"OldImage":{"pk":{"S":"a"},"n":{"N":"1"}},
                    "SequenceNumber":"100","SizeBytes":10,"StreamViewType":"OLD_IMAGE"}}]}
                """
                        .getBytes(StandardCharsets.UTF_8);

        for (String name : new String[] {"firstStream", "secondStream"}) {
            JsonNode answer = payload(runtime.invoke(name, event));
            assertThat(answer.toString()).as(name).isEqualTo("[\"100 [pk, n]\"]");
        }
    }

    @Test
    void invoke_givesEachFunctionItsOwnEnvironmentAndClassLoader_overOneLoaderOfSharedLibraries()
            throws IOException {
        deploy("first", 5, Optional.empty(), "hello");
        deploy("second", 5, Optional.empty(), "bonjour");

        JsonNode first = payload(runtime.invoke("first", "{}".getBytes(StandardCharsets.UTF_8)));
        JsonNode second = payload(runtime.invoke("second", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(first.path("greeting").asText()).isEqualTo("hello");
        assertThat(second.path("greeting").asText()).isEqualTo("bonjour");
        assertThat(first.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(first.path("loader").asText()).isEqualTo("lambda:first");
        assertThat(first.path("functionName").asText()).isEqualTo("first");
        assertThat(second.path("loader").asText()).isEqualTo("lambda:second");
        assertThat(first.path("jacksonLoader").asText()).isEqualTo("lambda:shared-libraries");
        assertThat(second.path("jacksonLoader").asText()).isEqualTo("lambda:shared-libraries");
        assertThat(first.path("hostClassLoader").asText())
                .as("the local cloud's classes stay out of a function")
                .isEqualTo("absent");
        assertThat(first.path("hostResource").asText()).isEqualTo("null");
        assertThat(first.path("randomGenerator").asText()).startsWith("jdk.random.");
    }

    @Test
    void invoke_reusesAWarmEnvironment_afterTheColdStart() throws IOException {
        LambdaFunction f = deploy("warm", 5, Optional.empty(), "x");

        runtime.invoke("warm", "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode second = payload(runtime.invoke("warm", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(f.coldStarts()).isEqualTo(1);
        assertThat(second.path("invocationsInThisEnvironment").asInt()).isEqualTo(2);
    }

    @Test
    void invoke_passesTheRemainingTimeOfTheConfiguredTimeout() throws IOException {
        deploy("remaining", 3, Optional.empty(), "x");

        JsonNode out = payload(runtime.invoke("remaining", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(out.path("remainingMillis").asLong()).isBetween(1L, 3000L);
    }

    @Test
    void invoke_timesOutLikeLambda_whenTheHandlerOverrunsItsTimeout() throws IOException {
        deploy("slow", 1, Optional.empty(), "x");

        InvocationResult result =
                runtime.invoke("slow", "{\"sleepMillis\":5000}".getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        assertThat(payload(result).path("errorMessage").asText())
                .endsWith("Task timed out after 1.00 seconds");
    }

    @Test
    void invoke_returnsLambdasErrorDocument_whenTheHandlerThrows() throws IOException {
        deploy("failing", 5, Optional.empty(), "x");

        InvocationResult result =
                runtime.invoke("failing", "{\"fail\":\"boom\"}".getBytes(StandardCharsets.UTF_8));

        JsonNode error = payload(result);
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("boom");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void invoke_throttles_whenReservedConcurrencyIsExhausted() {
        deploy("single", 5, Optional.of(1), "x");
        CompletableFuture<InvocationResult> busy =
                CompletableFuture.supplyAsync(
                        () ->
                                runtime.invoke(
                                        "single",
                                        "{\"sleepMillis\":1500}".getBytes(StandardCharsets.UTF_8)));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThatThrownBy(
                                                () ->
                                                        runtime.invoke(
                                                                "single",
                                                                "{\"sleepMillis\":1500}"
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .UTF_8)))
                                        .isInstanceOf(LambdaException.class)
                                        .hasMessageContaining("Rate Exceeded"));
        assertThat(busy.join()).isInstanceOf(InvocationResult.Success.class);
    }

    @Test
    void invoke_reportsUnknownFunctions() {
        runtime = new LambdaRuntime(Clock.systemUTC(), 10);

        assertThatThrownBy(() -> runtime.invoke("ghost", new byte[0]))
                .isInstanceOf(LambdaException.class)
                .extracting(e -> ((LambdaException) e).code())
                .isEqualTo("ResourceNotFoundException");
    }
}
