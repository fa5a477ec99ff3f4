package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's production code never imports the AWS SDK; {@code api} and {@code spi} import
 * nothing else of the module, and the internals never import the facades in the root package.
 * Cycles between packages: {@link NoPackageCyclesTest}.
 */
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
    void apiAndSpi_importNothingElseOfTheModule() throws IOException {
        Pattern otherPackage =
                Pattern.compile("import (static )?dev\\.orderflow\\.states\\.(?!api\\.|spi\\.)");
        for (String dir : List.of("api", "spi")) {
            for (Path p : sources(dir)) {
                assertThat(Files.readString(p))
                        .as(p.toString())
                        .doesNotContainPattern(otherPackage);
            }
        }
    }

    @Test
    void internals_doNotImportTheFacades() throws IOException {
        Pattern rootPackage = Pattern.compile("import (static )?dev\\.orderflow\\.states\\.[A-Z]");
        for (Path p : sources("internal")) {
            assertThat(Files.readString(p)).as(p.toString()).doesNotContainPattern(rootPackage);
        }
    }
}
