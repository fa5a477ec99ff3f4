package dev.orderflow.dynamodb.internal.http;

import dev.orderflow.dynamodb.internal.pipeline.RequestPipeline;
import dev.orderflow.dynamodb.internal.pipeline.WireRequest;
import dev.orderflow.dynamodb.internal.pipeline.WireResponse;
import dev.orderflow.protocol.AwsJsonError;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's request pipeline served by the shared front. Every request runs on a worker thread,
 * none on the network threads: running small requests there saved about a third of the server's CPU
 * per GetItem in a benchmark, but in the whole local stack under load (2 cores saturated) a request
 * waiting for the engine's lock held up every connection of its network thread, and POST /orders
 * latencies went from under 1 s to up to 10 s (see the module README).
 */
public final class PipelineService implements HttpService {
    private final RequestPipeline pipeline;

    public PipelineService(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public int maxBodyBytes() {
        return RequestPipeline.maxBody();
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        return answer(pipeline.handle(wire(call)), false);
    }

    @Override
    public HttpAnswer tooLarge(HttpCall call) {
        return answer(pipeline.tooLarge(wire(call)), true);
    }

    @Override
    public HttpAnswer internalError(HttpCall call, RuntimeException failure) {
        // The pipeline answers its own failures; this is the front's last resort.
        return new AwsJsonError(
                        "com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "message",
                        "Internal server error")
                .answer(500, "application/x-amz-json-1.0");
    }

    private static WireRequest wire(HttpCall call) {
        return new WireRequest(call.method(), call.query(), call.headers(), call.body());
    }

    private static HttpAnswer answer(WireResponse response, boolean close) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new HttpAnswer(
                response.status(),
                response.contentType(),
                response.body(),
                headers,
                response.chunked(),
                close);
    }
}
