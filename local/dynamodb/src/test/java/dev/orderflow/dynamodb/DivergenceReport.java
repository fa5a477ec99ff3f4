package dev.orderflow.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collects every conformance case that does not answer as DynamoDB does, with the engine's actual
 * answer, into {@code target/conformance-divergences.json}. {@code
 * src/test/resources/conformance/mark-divergences.py} reads it to keep the cases' {@code
 * divergence} fields true; the counts per file are the figures quoted in docs.
 */
final class DivergenceReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ArrayNode cases = MAPPER.createArrayNode();
    private int total;

    synchronized void record(
            String file, JsonNode c, int status, JsonNode body, AssertionError failure) {
        total++;
        if (failure == null) {
            return;
        }
        ObjectNode entry = cases.addObject();
        entry.put("file", file);
        entry.put("name", c.path("name").asText());
        entry.put("status", status);
        entry.set("body", body);
        entry.put("marked", c.has("divergence"));
    }

    synchronized void write() throws IOException {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("cases", total);
        report.put("diverging", cases.size());
        report.set("divergences", cases);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValue(target.resolve("conformance-divergences.json").toFile(), report);
        }
    }
}
