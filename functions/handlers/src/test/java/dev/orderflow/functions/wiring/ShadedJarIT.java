package dev.orderflow.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar every function deploys from (built in {@code package}, before this runs) holds the
 * handler class of every entry in the function catalog, which infra deploys one function per.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target/orderflow-handlers.jar");

    @Test
    void everyCatalogHandler_isInTheDeployedJar() throws IOException {
        JsonNode functions =
                new ObjectMapper()
                        .readTree(Path.of("../function-catalog.json").toFile())
                        .get("functions");
        assertThat(functions).isNotEmpty();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (JsonNode entry : functions) {
                String handler = entry.get("handler").asText();
                assertThat(jar.getEntry(handler.replace('.', '/') + ".class"))
                        .as(handler)
                        .isNotNull();
            }
        }
    }
}
