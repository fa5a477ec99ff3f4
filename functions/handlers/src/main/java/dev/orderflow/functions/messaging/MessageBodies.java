package dev.orderflow.functions.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.error.InvalidInput;
import java.util.stream.Collectors;

/**
 * Reads JSON message bodies. Unknown fields are ignored (producers may add fields before every
 * consumer knows them); a body that is not JSON or does not fit the type is {@link InvalidInput},
 * naming the field but never echoing the payload.
 */
public final class MessageBodies {

    /** Larger bodies are refused before parsing (SQS allows 256 KiB; ours are far smaller). */
    public static final int MAX_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MessageBodies() {}

    /**
     * The message body read as {@code type}.
     *
     * @throws InvalidInput if the body is missing, too large, not JSON or does not fit the type
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw InvalidInput.of("body", "is required");
        }
        if (body.length() > MAX_CHARS) {
            throw InvalidInput.of("body", "must be at most " + MAX_CHARS + " characters");
        }
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            String field =
                    e.getPath().stream()
                            .map(MessageBodies::nameOf)
                            .collect(Collectors.joining("."));
            throw InvalidInput.of(field.isEmpty() ? "body" : field, "does not fit the message");
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("body", "is not valid JSON");
        }
        if (value == null) {
            throw InvalidInput.of("body", "is required");
        }
        return value;
    }

    /** A field's name, or an array element's index. */
    private static String nameOf(JsonMappingException.Reference step) {
        if (step.getFieldName() != null) {
            return step.getFieldName();
        }
        return Integer.toString(step.getIndex());
    }

    /** A required text field. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        return value;
    }
}
