package dev.orderflow.cloud.internal.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaFunction;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.RequestIds;
import dev.orderflow.protocol.SigV4;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda REST API subset {@code LambdaClient} needs locally: {@code Invoke} (RequestResponse,
 * Event, DryRun), {@code GetFunction} and {@code ListFunctions}. Errors use the service's shape:
 * {@code x-amzn-ErrorType} header and {@code {"Type","message"}} body.
 */
final class LambdaApi {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaApi.class);
    private static final String PREFIX = "/2015-03-31/functions";
    private static final String VERSION = "X-Amz-Executed-Version";
    private static final String LATEST = "$LATEST";

    private final LambdaRuntime lambdas;
    private final ExecutorService async;

    LambdaApi(LambdaRuntime lambdas, ExecutorService async) {
        this.lambdas = lambdas;
        this.async = async;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    HttpAnswer handle(HttpCall call) {
        String path = call.path().substring(PREFIX.length());
        String method = call.method();
        try {
            if (path.isEmpty() || path.equals("/")) {
                return list();
            }
            if (path.endsWith("/invocations") && method.equals("POST")) {
                String name = decode(path.substring(1, path.length() - "/invocations".length()));
                return invoke(call, name);
            }
            if (method.equals("GET")) {
                LambdaFunction f = find(decode(path.substring(1)));
                ObjectNode out = Json.object();
                out.set("Configuration", configuration(f));
                return json(200, Json.bytes(out));
            }
            return error(
                    404, "UnknownOperationException", "Unknown operation " + method + " " + path);
        } catch (LambdaException e) {
            return error(e.status(), e.code(), e.getMessage());
        }
    }

    private HttpAnswer invoke(HttpCall call, String name) {
        String qualifier = SigV4.queryParameters(call.query()).get("Qualifier");
        String target = qualifier == null ? name : name + ":" + qualifier;
        LambdaFunction function = find(target);
        byte[] payload =
                call.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : call.body();
        try {
            Json.parse(payload);
        } catch (IOException e) {
            return error(
                    400,
                    "InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        String type = call.header("x-amz-invocation-type");
        if ("DryRun".equals(type)) {
            return HttpAnswer.of(204, null, new byte[0]).withHeader(VERSION, LATEST);
        }
        if ("Event".equals(type)) {
            // execute, not submit: the task logs its own failure and nobody waits for it
            async.execute(
                    () -> {
                        try {
                            lambdas.invoke(target, payload);
                        } catch (RuntimeException e) {
                            LOG.warn("async invoke of {} failed: {}", target, e.getMessage());
                        }
                    });
            return HttpAnswer.of(202, null, new byte[0])
                    .withHeader(VERSION, LATEST)
                    .withHeader("x-amzn-RequestId", RequestIds.uuid());
        }
        InvocationResult result = lambdas.invoke(target, payload);
        HttpAnswer answer = json(200, result.payload()).withHeader(VERSION, LATEST);
        LOG.debug("invoked {} for {}", function.spec().name(), call.remoteAddress());
        return result instanceof InvocationResult.FunctionError
                ? answer.withHeader("X-Amz-Function-Error", "Unhandled")
                : answer;
    }

    private HttpAnswer list() {
        ObjectNode out = Json.object();
        ArrayNode functions = out.putArray("Functions");
        lambdas.functions().forEach(f -> functions.add(configuration(f)));
        return json(200, Json.bytes(out));
    }

    private static ObjectNode configuration(LambdaFunction f) {
        ObjectNode c = Json.object();
        c.put("FunctionName", f.spec().name());
        c.put("FunctionArn", f.spec().arn());
        c.put("Runtime", f.spec().runtime());
        c.put("Handler", f.spec().handler());
        c.put("MemorySize", f.spec().memoryMb());
        c.put("Timeout", f.spec().timeoutSeconds());
        c.put("Version", "$LATEST");
        c.put("State", "Active");
        ObjectNode vars = c.putObject("Environment").putObject("Variables");
        f.spec().environment().forEach(vars::put);
        return c;
    }

    private LambdaFunction find(String name) {
        return lambdas.find(name)
                .orElseThrow(
                        () ->
                                new LambdaException(
                                        "ResourceNotFoundException",
                                        404,
                                        "Function not found: " + name));
    }

    private static HttpAnswer error(int status, String code, String message) {
        ObjectNode body = Json.object().put("Type", "User").put("message", message);
        return json(status, Json.bytes(body)).withHeader("x-amzn-ErrorType", code);
    }

    private static HttpAnswer json(int status, byte[] body) {
        return HttpAnswer.of(status, "application/json", body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
