package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import java.util.Random;
import java.util.UUID;

/** Response envelopes Step Functions adds around service results. */
final class ServiceResponses {
    private ServiceResponses() {}

    /** The {@code arn:aws:states:::lambda:invoke} result shape around a function's payload. */
    static JsonNode lambdaInvoke(JsonNode payload, Random random) {
        String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", payload);
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        out.put("StatusCode", 200);
        return out;
    }
}
