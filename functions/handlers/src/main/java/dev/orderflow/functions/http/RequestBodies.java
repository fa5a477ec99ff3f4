package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.orderflow.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Reads JSON request bodies strictly: size-limited, no unknown fields, errors naming the field. */
public final class RequestBodies {

    /** Larger bodies are refused before parsing. */
    public static final int MAX_BYTES = 16 * 1024;

    /**
     * Binds JSON types as the API documents them: no number read from a string or a boolean, no
     * integer from a fraction (1.5 is not a quantity), no text from a number.
     */
    private static final ObjectMapper STRICT = strictMapper();

    private RequestBodies() {}

    private static ObjectMapper strictMapper() {
        JsonMapper mapper =
                JsonMapper.builder()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                        .build();
        for (CoercionInputShape shape :
                List.of(
                        CoercionInputShape.Integer,
                        CoercionInputShape.Float,
                        CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * The event's body as the given type.
     *
     * @throws InvalidInput if the body is missing, too large, not JSON, not a JSON object, or does
     *     not fit the type
     */
    public static <T> T read(APIGatewayV2HTTPEvent event, Class<T> type) {
        requireJsonContentType(event);
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
        try {
            return STRICT.treeToValue(object(bytes), type);
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
    }

    /**
     * The body's root, which must be a JSON object: {@code null}, a number, a string or an array
     * would otherwise reach the binder, which reads {@code null} as no object at all and may bind a
     * bare scalar through a single-field record's constructor.
     */
    private static JsonNode object(byte[] bytes) throws java.io.IOException {
        JsonNode root = STRICT.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object");
        }
        return root;
    }

    /**
     * A body sent as another media type (a form, plain text, bytes) is refused even if it parses as
     * JSON; a request that names no type is read as JSON, as API Gateway passes it as text.
     */
    private static void requireJsonContentType(APIGatewayV2HTTPEvent event) {
        String type = event.getHeaders() == null ? null : event.getHeaders().get("content-type");
        if (type == null) {
            return;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json =
                media.equals("application/json")
                        || (media.startsWith("application/") && media.endsWith("+json"));
        if (!json) {
            throw InvalidInput.of("Content-Type", "must be application/json");
        }
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
