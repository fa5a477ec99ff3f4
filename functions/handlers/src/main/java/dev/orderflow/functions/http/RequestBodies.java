package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.orderflow.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads JSON request bodies strictly: size-limited, no unknown fields, errors naming the field. */
public final class RequestBodies {

    /** Larger bodies are refused before parsing. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final ObjectMapper STRICT =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {}

    /**
     * The event's body as the given type.
     *
     * @throws InvalidInput if the body is missing, too large, not JSON, {@code null}, or does not
     *     fit the type
     */
    public static <T> T read(APIGatewayV2HTTPEvent event, Class<T> type) {
        String body = event.getBody();
        if (body == null || body.isBlank()) {
            throw InvalidInput.of("body", "is required");
        }
        byte[] bytes;
        try {
            bytes =
                    event.getIsBase64Encoded()
                            ? Base64.getDecoder().decode(body)
                            : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("body", "is not valid base64");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInput.of("body", "must be at most " + MAX_BYTES + " bytes");
        }
        T value;
        try {
            value = STRICT.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw InvalidInput.of(path(e), "is not a known field");
        } catch (InvalidFormatException e) {
            throw InvalidInput.of(path(e), "has the wrong type");
        } catch (MismatchedInputException e) {
            throw InvalidInput.of(path(e), "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("body", "is not valid JSON");
        } catch (java.io.IOException e) {
            throw InvalidInput.of("body", "could not be read");
        }
        if (value == null) { // the JSON literal null reads as no object at all
            throw InvalidInput.of("body", "must be a JSON object");
        }
        return value;
    }

    /** {@code items[2].quantity} from Jackson's path. */
    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
