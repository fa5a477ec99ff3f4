package dev.orderflow.dynamodb.internal.http;

import dev.orderflow.dynamodb.internal.pipeline.RequestPipeline;
import dev.orderflow.dynamodb.internal.pipeline.WireRequest;
import dev.orderflow.dynamodb.internal.pipeline.WireResponse;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's request pipeline served by the shared front. In memory, a small request runs on the
 * network thread that read it: its cost is bounded (items of 400 KB, pages of 1 MB, expressions of
 * 4 KB) and nothing in it waits, so the hand-off to a worker and back would cost more than the
 * work. A Scan, a large body, or any request to a server that writes a data directory (whose log
 * compaction can take a while) runs on a worker.
 */
public final class PipelineService implements HttpService {
    /** Bodies up to this size may run on the network thread. */
    private static final int CHEAP_BODY = 64 * 1024;

    private final RequestPipeline pipeline;
    private final boolean inMemory;

    public PipelineService(RequestPipeline pipeline, boolean inMemory) {
        this.pipeline = pipeline;
        this.inMemory = inMemory;
    }

    @Override
    public boolean cheap(HttpCall call) {
        if (!inMemory || call.body().length > CHEAP_BODY) {
            return false;
        }
        String target = call.header("x-amz-target");
        return target != null && !target.endsWith(".Scan");
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
        return HttpAnswer.text(
                500,
                "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"Internal server error\"}");
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
