package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.protocol.AwsJsonError;
import dev.orderflow.protocol.AwsTarget;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import dev.orderflow.protocol.RequestIds;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions API as an AWS JSON 1.0 service: decodes requests, dispatches them to the
 * engine and encodes results and errors as the service does ({@code __type} in the {@code
 * com.amazonaws.swf.service.v2.model} namespace, field {@code message}).
 */
final class ApiService implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(ApiService.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "AWSStepFunctions";
    private static final String ERROR_NAMESPACE = "com.amazonaws.swf.service.v2.model#";

    /**
     * The largest request body read: a definition may have 1,048,576 characters and a payload 256
     * KiB (AWS Step Functions quotas), which JSON escaping can at most multiply by six.
     */
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final Operations operations;

    /** Creates the service for {@code engine}. */
    ApiService(StepFunctionsEngine engine) {
        this.operations = new Operations(engine);
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY;
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        String target = call.header("x-amz-target");
        String op = null;
        try {
            op =
                    AwsTarget.parse(target)
                            .filter(t -> t.prefix().equals(PREFIX))
                            .filter(t -> call.method().equals("POST"))
                            .map(AwsTarget::operation)
                            .orElseThrow(
                                    () ->
                                            new StepFunctionsException(
                                                    "UnknownOperationException",
                                                    "Missing or unknown X-Amz-Target: " + target));
            JsonNode request = call.body().length == 0 ? Json.object() : parse(call.body());
            if (!request.isObject()) {
                // AWS JSON 1.0: every request body is a structure.
                throw new StepFunctionsException(
                        "SerializationException", "Request body must be a JSON object");
            }
            JsonNode response = operations.dispatch(op, request);
            LOG.debug("op={} status=200", op);
            return answer(
                    HttpAnswer.of(
                            200,
                            CONTENT_TYPE,
                            Json.write(response).getBytes(StandardCharsets.UTF_8)));
        } catch (StepFunctionsException e) {
            LOG.info("op={} status={} error={}", op, e.httpStatus(), e.errorCode());
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        }
    }

    @Override
    public HttpAnswer tooLarge(HttpCall call) {
        return error(
                        413,
                        "RequestEntityTooLargeException",
                        "Request body exceeds " + MAX_BODY + " bytes")
                .closing();
    }

    @Override
    public HttpAnswer internalError(HttpCall call, RuntimeException failure) {
        return error(500, "InternalFailure", "The request processing has failed.");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "SerializationException", "Malformed request body: " + e.getMessage());
        }
    }

    private static HttpAnswer error(int status, String code, String message) {
        return answer(
                new AwsJsonError(ERROR_NAMESPACE + code, "message", message)
                        .answer(status, CONTENT_TYPE));
    }

    private static HttpAnswer answer(HttpAnswer answer) {
        return answer.withHeader("x-amzn-RequestId", RequestIds.uuid());
    }
}
