package dev.orderflow.states.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.orderflow.states.StepFunctionsEngine;
import dev.orderflow.states.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes AWS JSON 1.0 requests, dispatches them and encodes results and errors. */
public final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "AWSStepFunctions.";
    private static final String ERROR_NAMESPACE = "com.amazonaws.swf.service.v2.model#";

    private final Operations operations;

    /** Creates a handler for {@code engine}. */
    public ApiHandler(StepFunctionsEngine engine) {
        this.operations = new Operations(engine);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || target == null
                    || !target.startsWith(PREFIX)) {
                throw new StepFunctionsException(
                        "UnknownOperationException", "Missing or unknown X-Amz-Target: " + target);
            }
            String op = target.substring(PREFIX.length());
            JsonNode request = body.length == 0 ? Json.object() : parse(body);
            if (!request.isObject()) {
                // AWS JSON 1.0: every request body is a structure.
                throw new StepFunctionsException(
                        "SerializationException", "Request body must be a JSON object");
            }
            JsonNode response = operations.dispatch(op, request);
            LOG.info("op={} status=200", op);
            send(exchange, 200, response);
        } catch (StepFunctionsException e) {
            LOG.info(
                    "op={} status={} error={}",
                    target == null ? null : target.replace(PREFIX, ""),
                    e.httpStatus(),
                    e.errorCode());
            ObjectNode error = Json.object();
            error.put("__type", ERROR_NAMESPACE + e.errorCode());
            error.put("message", e.getMessage());
            send(exchange, e.httpStatus(), error);
        } catch (RuntimeException e) {
            LOG.error("op={} failed", target, e);
            ObjectNode error = Json.object();
            error.put("__type", ERROR_NAMESPACE + "InternalFailure");
            error.put("message", String.valueOf(e.getMessage()));
            send(exchange, 500, error);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "SerializationException", "Malformed request body: " + e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders()
                .set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
