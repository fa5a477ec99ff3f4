package dev.orderflow.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.functions.saga.ReserveStockHandler;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Handlers report their work as spans through the OpenTelemetry API, failures included. */
class SpansTest {

    @RegisterExtension static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    @Test
    void aSagaStep_isASpanNamedAfterIt_carryingTheOrderAndTheExecution() throws Exception {
        byte[] payload = Files.readAllBytes(SampleEvents.FOLDER.resolve("sfn-reserve-stock.json"));

        new ReserveStockHandler(new Shop().reserveStep(), new RecordingMetrics())
                .handleRequest(
                        new ByteArrayInputStream(payload),
                        new ByteArrayOutputStream(),
                        new TestContext("spans"));

        SpanData span = OTEL.getSpans().get(0);
        assertThat(span.getName()).isEqualTo("saga ReserveStock");
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo(Spans.SCOPE);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("orderflow.order_id")))
                .isEqualTo(Shop.STORED_ORDER.value());
        assertThat(span.getAttributes().get(AttributeKey.stringKey("orderflow.execution")))
                .endsWith(":" + Shop.STORED_ORDER.value());
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aFailure_isRecordedOnTheSpan_andStillThrown() {
        assertThatThrownBy(
                        () ->
                                Spans.inSpan(
                                        "broken",
                                        Map.of(),
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");

        SpanData span = OTEL.getSpans().get(0);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
    }
}
