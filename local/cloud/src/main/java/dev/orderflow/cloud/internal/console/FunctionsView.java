package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.LambdaFunction;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.lambda.RecentInvocations;

/**
 * The functions of the Lambda runtime with their last invocations, and the stack's mappings with
 * their positions.
 */
final class FunctionsView {

    private final LambdaRuntime runtime;
    private final MappingsView mappings;

    FunctionsView(LambdaRuntime runtime, MappingsView mappings) {
        this.runtime = runtime;
        this.mappings = mappings;
    }

    /** {@code GET /_console/api/functions}. */
    ObjectNode list() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("functions");
        for (LambdaFunction function : runtime.functions()) {
            RecentInvocations recent = function.recentInvocations();
            ObjectNode f = list.addObject();
            f.put("name", function.spec().name());
            f.put("logicalId", function.spec().logicalId());
            f.put("handler", function.spec().handler());
            f.put("timeoutSeconds", function.spec().timeoutSeconds());
            f.put("memoryMb", function.spec().memoryMb());
            f.put("concurrencyLimit", function.concurrencyLimit());
            f.put("coldStarts", function.coldStarts());
            f.put("invocations", recent.total());
            f.put("errors", recent.errors());
            ArrayNode invocations = f.putArray("recent");
            for (RecentInvocations.Entry e : recent.newestFirst()) {
                ObjectNode i = invocations.addObject();
                i.put("requestId", e.requestId());
                i.put("start", e.start().toString());
                i.put("durationMs", Math.round(e.durationMs() * 100) / 100.0);
                i.put("cold", e.cold());
                e.initMs().ifPresent(ms -> i.put("initMs", Math.round(ms * 100) / 100.0));
                e.errorType().ifPresent(t -> i.put("errorType", t));
                e.errorMessage().ifPresent(m -> i.put("errorMessage", m));
                i.put("logLines", e.log().size());
            }
        }
        out.set("eventSourceMappings", mappings.list());
        return out;
    }

    /**
     * {@code GET /_console/api/functions/{name}/invocations/{requestId}}: one of the kept
     * invocations with the lines its code logged.
     */
    ObjectNode invocation(String name, String requestId) {
        LambdaFunction function =
                runtime.functions().stream()
                        .filter(f -> f.spec().name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> ConsoleProblem.notFound("no function " + name));
        RecentInvocations.Entry e =
                function.recentInvocations()
                        .find(requestId)
                        .orElseThrow(
                                () ->
                                        ConsoleProblem.notFound(
                                                "no invocation "
                                                        + requestId
                                                        + " among the last "
                                                        + "invocations of "
                                                        + name));
        ObjectNode out = Json.object();
        out.put("function", name);
        out.put("requestId", e.requestId());
        out.put("start", e.start().toString());
        out.put("durationMs", Math.round(e.durationMs() * 100) / 100.0);
        out.put("cold", e.cold());
        e.errorType().ifPresent(t -> out.put("errorType", t));
        e.errorMessage().ifPresent(m -> out.put("errorMessage", m));
        ArrayNode log = out.putArray("log");
        e.log().forEach(log::add);
        return out;
    }
}
