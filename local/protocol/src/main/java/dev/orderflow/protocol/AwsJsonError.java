package dev.orderflow.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An AWS JSON 1.0 error body: {@code {"__type": "<namespace>#<code>", "message": "..."}}. Services
 * differ in the namespace and in the case of the message field ({@code message} for Step Functions,
 * {@code Message} for some DynamoDB errors), so both are parameters.
 *
 * @param type the full {@code __type}, namespace included
 * @param messageField the name of the message field
 * @param message the message, or null for none
 */
public record AwsJsonError(String type, String messageField, String message) {
    private static final JsonFactory JSON = new JsonFactory();

    /** The error's JSON body. */
    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + type.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", type);
            if (message != null) {
                g.writeStringField(messageField, message);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /** The error as an answer with {@code status}, in {@code contentType}. */
    public HttpAnswer answer(int status, String contentType) {
        return HttpAnswer.of(status, contentType, body());
    }
}
