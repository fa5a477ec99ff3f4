package dev.orderflow.cloud.internal.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaFunction;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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

    private final LambdaRuntime lambdas;
    private final ExecutorService async;

    LambdaApi(LambdaRuntime lambdas, ExecutorService async) {
        this.lambdas = lambdas;
        this.async = async;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    void handle(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        try {
            if (path.isEmpty() || path.equals("/")) {
                list(exchange);
            } else if (path.endsWith("/invocations") && method.equals("POST")) {
                String name = decode(path.substring(1, path.length() - "/invocations".length()));
                invoke(exchange, name, body);
            } else if (method.equals("GET")) {
                String name = decode(path.substring(1));
                LambdaFunction f = find(name);
                ObjectNode out = Json.object();
                out.set("Configuration", configuration(f));
                Edge.send(exchange, 200, Json.bytes(out));
            } else {
                error(
                        exchange,
                        404,
                        "UnknownOperationException",
                        "Unknown operation " + method + " " + path);
            }
        } catch (LambdaException e) {
            error(exchange, e.status(), e.code(), e.getMessage());
        }
    }

    private void invoke(HttpExchange exchange, String name, byte[] body) throws IOException {
        String qualifier = query(exchange, "Qualifier");
        String target = qualifier == null ? name : name + ":" + qualifier;
        LambdaFunction function = find(target);
        byte[] payload = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        try {
            Json.parse(payload);
        } catch (IOException e) {
            error(
                    exchange,
                    400,
                    "InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: "
                            + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        if ("DryRun".equals(type)) {
            Edge.send(exchange, 204, new byte[0]);
            return;
        }
        if ("Event".equals(type)) {
            async.submit(
                    () -> {
                        try {
                            lambdas.invoke(target, payload);
                        } catch (RuntimeException e) {
                            LOG.warn("async invoke of {} failed: {}", target, e.getMessage());
                        }
                    });
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            Edge.send(exchange, 202, new byte[0]);
            return;
        }
        InvocationResult result = lambdas.invoke(target, payload);
        if (result instanceof InvocationResult.FunctionError) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        Edge.send(exchange, 200, result.payload());
        LOG.debug("invoked {} for {}", function.spec().name(), exchange.getRemoteAddress());
    }

    private void list(HttpExchange exchange) throws IOException {
        ObjectNode out = Json.object();
        ArrayNode functions = out.putArray("Functions");
        lambdas.functions().forEach(f -> functions.add(configuration(f)));
        Edge.send(exchange, 200, Json.bytes(out));
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

    private static void error(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        ObjectNode body = Json.object().put("Type", "User").put("message", message);
        Edge.send(exchange, status, Json.bytes(body));
    }

    private static String query(HttpExchange exchange, String key) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(key + "=")) {
                return decode(pair.substring(key.length() + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
