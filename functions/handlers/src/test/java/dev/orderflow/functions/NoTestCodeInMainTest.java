package dev.orderflow.functions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test code in production sources: main classes use no test library, no member is named as a
 * test hook, no comment says a main member exists for tests. What a test needs from production code
 * it gets through the public API, an SPI, or its own test sources.
 */
class NoTestCodeInMainTest {

    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.orderflow.functions");

    /** What a comment says when the member it sits on is there for tests. */
    static final Pattern HOOK_COMMENT =
            Pattern.compile(
                    "(?i)(//|\\*).*\\b(for (the )?tests?|test[- ]hooks?|negative tests|for testing"
                            + "|only (for|in) tests?|visible for testing)\\b");

    /**
     * Their "For tests." constructor comments are fixed by the payment and warehouse work of issue
     * 19 (items 1 and 2), which rewrites these handlers; remove each entry when it lands.
     */
    private static final Set<String> PENDING = Set.of();

    @Test
    void mainClasses_useNoTestLibrary() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.junit..",
                        "org.assertj..",
                        "org.mockito..",
                        "org.awaitility..",
                        "com.tngtech.archunit..")
                .because(
                        "test libraries stay in test scope; a main class that needs one is a test hook")
                .check(MAIN);
    }

    @Test
    void mainMembers_areNotNamedAsTestHooks() {
        noMembers()
                .should()
                .haveNameMatching("(?i).*(fortest|testhook|testonly|visiblefortest).*")
                .check(MAIN);
    }

    @Test
    void mainSources_describeNoMemberAsBeingForTests() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> hooks;
        try (Stream<Path> files = Files.walk(root)) {
            hooks =
                    files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !PENDING.contains(root.relativize(f).toString()))
                            .flatMap(f -> hookCommentsIn(root, f))
                            .toList();
        }
        assertThat(hooks).isEmpty();
    }

    private static Stream<String> hookCommentsIn(Path root, Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> HOOK_COMMENT.matcher(lines.get(i)).find())
                    .mapToObj(
                            i ->
                                    root.relativize(file)
                                            + ":"
                                            + (i + 1)
                                            + ": "
                                            + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
