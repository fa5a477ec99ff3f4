package dev.orderflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real template with the replication tags of decision 2, until infra's synth carries them. */
final class TaggedTemplate {

    private TaggedTemplate() {}

    /** The real template with decision 2's tags, as `cdk synth` writes them once infra has them. */
    static Path write(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode template = (ObjectNode) json.readTree(SharedCloud.template().toFile());
        List<String> global = List.of("DataProducts", "DataFulfillmentCenters", "DataOrders");
        template.path("Resources")
                .properties()
                .forEach(
                        e -> {
                            JsonNode resource = e.getValue();
                            if (!resource.path("Type").asText().equals("AWS::DynamoDB::Table")
                                    || resource.path("Properties").has("Tags")) {
                                return;
                            }
                            boolean isGlobal = global.stream().anyMatch(e.getKey()::startsWith);
                            ((ObjectNode) resource.path("Properties"))
                                    .putArray("Tags")
                                    .addObject()
                                    .put("Key", LocalRegions.REPLICATION_TAG)
                                    .put("Value", isGlobal ? "global" : "regional");
                        });
        Path file = dir.resolve("Orderflow-dev.template.json");
        Files.writeString(file, json.writeValueAsString(template));
        return file;
    }
}
