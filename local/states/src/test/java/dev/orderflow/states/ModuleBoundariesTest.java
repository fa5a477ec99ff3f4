package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's production code never imports the AWS SDK; the SPI never imports internals. */
class ModuleBoundariesTest {
    private static List<Path> sources(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/orderflow/states", dir))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void mainCode_doesNotImportTheAwsSdk() throws IOException {
        for (Path p : sources("")) {
            assertThat(Files.readString(p))
                    .as(p.toString())
                    .doesNotContain("import software.amazon", "import com.amazonaws");
        }
    }

    @Test
    void spi_doesNotImportInternals() throws IOException {
        for (Path p : sources("spi")) {
            assertThat(Files.readString(p))
                    .as(p.toString())
                    .doesNotContain("dev.orderflow.states.internal");
        }
    }
}
