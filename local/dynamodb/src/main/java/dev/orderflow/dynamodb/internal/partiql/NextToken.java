package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque NextToken of a SELECT: which statement it belongs to (a hash of its text and
 * parameters), which of its partition reads to continue with, and where that read stopped. DynamoDB
 * answers a token it cannot read with "Invalid NextToken" and a token of another statement with
 * "The provided starting key is invalid".
 */
record NextToken(String statement, int read, JsonNode startKey) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String statementHash(String statement, JsonNode parameters) {
        String text = statement + '\u0000' + (parameters == null ? "" : parameters.toString());
        return Integer.toHexString(text.hashCode());
    }

    String encode() {
        ObjectNode n = MAPPER.createObjectNode().put("s", statement).put("r", read);
        if (startKey != null) {
            n.set("k", startKey);
        }
        return Base64.getEncoder().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token, checked against the statement it must belong to. */
    static NextToken decode(String token, String statement) {
        JsonNode n;
        try {
            n = MAPPER.readTree(Base64.getDecoder().decode(token));
        } catch (IOException | IllegalArgumentException e) {
            throw PartiqlErrors.validation("Invalid NextToken");
        }
        if (n == null || !n.path("s").isTextual() || !n.path("r").canConvertToInt()) {
            throw PartiqlErrors.validation("Invalid NextToken");
        }
        if (!n.path("s").asText().equals(statement)) {
            throw PartiqlErrors.validation("The provided starting key is invalid");
        }
        JsonNode key = n.get("k");
        return new NextToken(
                statement, n.path("r").asInt(), key != null && key.isObject() ? key : null);
    }
}
