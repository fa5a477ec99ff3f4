package dev.orderflow.protocol.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer read off the wire.
 *
 * @param headers header names in lower case
 */
public record RawAnswer(int status, Map<String, String> headers, byte[] body) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** An AWS JSON error: a JSON object with a {@code __type} string. */
    public boolean isAwsJsonError() {
        String text = text().strip();
        return text.startsWith("{") && text.contains("\"__type\":\"");
    }
}
