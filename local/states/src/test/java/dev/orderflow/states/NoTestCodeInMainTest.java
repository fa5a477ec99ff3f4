package dev.orderflow.states;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test code in production sources: main classes use no test library, no member is named as a
 * test hook, no comment says a main member exists for tests, and the public facades publish exactly
 * the methods listed here. What a test needs from production code it gets through the public API,
 * an SPI, or its own test sources.
 */
class NoTestCodeInMainTest {

    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.orderflow.states");

    /** What a comment says when the member it sits on is there for tests. */
    static final Pattern HOOK_COMMENT =
            Pattern.compile(
                    "(?i)(//|\\*).*\\b(for (the )?tests?|test[- ]hooks?|negative tests|for testing"
                            + "|only (for|in) tests?|visible for testing)\\b");

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

    /**
     * The public methods of the facades users program against. A new public method is a decision
     * about the product, not a convenience for a test: add it here on purpose, or keep it out.
     */
    private static final Map<String, Set<String>> FACADES =
            Map.of(
                    "dev.orderflow.states.StepFunctionsEngine",
                    Set.of(
                            "resumeExecutions",
                            "builder",
                            "validate",
                            "createStateMachine",
                            "updateStateMachine",
                            "describeStateMachine",
                            "describeStateMachineForExecution",
                            "listStateMachines",
                            "deleteStateMachine",
                            "startExecution",
                            "startSyncExecution",
                            "testState",
                            "describeExecution",
                            "awaitExecution",
                            "listExecutions",
                            "getExecutionHistory",
                            "stopExecution",
                            "redriveExecution",
                            "sendTaskSuccess",
                            "sendTaskFailure",
                            "sendTaskHeartbeat",
                            "clock",
                            "close"),
                    "dev.orderflow.states.StepFunctionsEngine$Builder",
                    Set.of(
                            "clock",
                            "taskInvoker",
                            "mockConfig",
                            "region",
                            "account",
                            "dataDir",
                            "seed",
                            "workerThreads",
                            "build"));

    @Test
    void facades_publishExactlyTheAllowedMethods() {
        FACADES.forEach(
                (name, allowed) -> {
                    Set<String> published =
                            MAIN.get(name).getMethods().stream()
                                    .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                                    .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC))
                                    .filter(m -> !m.getModifiers().contains(JavaModifier.BRIDGE))
                                    .map(JavaMethod::getName)
                                    .collect(Collectors.toCollection(TreeSet::new));
                    assertThat(published).as(name).isEqualTo(new TreeSet<>(allowed));
                });
    }
}
