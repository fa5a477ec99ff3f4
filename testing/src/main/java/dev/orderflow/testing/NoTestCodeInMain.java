package dev.orderflow.testing;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * No test code in a module's production sources: main classes use no test library, no member is
 * named as a test hook, no comment says a main member exists for tests, and the public facades
 * publish exactly the methods listed. What a test needs from production code it gets through the
 * public API, an SPI, or its own test sources. Each module's {@code NoTestCodeInMainTest} states
 * its package, exceptions and facades and calls {@link #check()}.
 */
public final class NoTestCodeInMain {

    /** What a comment says when the member it sits on is there for tests. */
    static final Pattern HOOK_COMMENT =
            Pattern.compile(
                    "(?i)(//|\\*).*\\b(for (the )?tests?|test[- ]hooks?|negative tests|for testing"
                            + "|only (for|in) tests?|visible for testing)\\b");

    private static final String[] TEST_LIBRARIES = {
        "org.junit..",
        "org.assertj..",
        "org.mockito..",
        "org.awaitility..",
        "com.tngtech.archunit.."
    };

    private final String basePackage;
    private final Path sources;
    private final List<String> testLibraryUsers = new ArrayList<>();
    private final Map<String, Set<String>> facades = new LinkedHashMap<>();

    private NoTestCodeInMain(String basePackage, Path sources) {
        this.basePackage = basePackage;
        this.sources = sources;
    }

    /**
     * The rules for the main classes under {@code basePackage}, sources in {@code src/main/java}.
     */
    public static NoTestCodeInMain forPackage(String basePackage) {
        return new NoTestCodeInMain(basePackage, Path.of("src/main/java"));
    }

    /** A main class offered to users as a test utility (e.g. a JUnit extension) may use them. */
    public NoTestCodeInMain allowingTestLibrariesIn(String className) {
        testLibraryUsers.add(className);
        return this;
    }

    /**
     * The public methods a facade users program against publishes. A new public method is a
     * decision about the product, not a convenience for a test: add it here on purpose.
     */
    public NoTestCodeInMain withFacade(String className, String... publicMethods) {
        facades.put(className, Set.of(publicMethods));
        return this;
    }

    /** Applies every rule; the first broken one fails with what broke it. */
    public void check() {
        JavaClasses main =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(basePackage);
        // A never-matching pattern when no class is excepted.
        String excepted =
                testLibraryUsers.isEmpty()
                        ? "(?!)"
                        : testLibraryUsers.stream()
                                .map(Pattern::quote)
                                .collect(Collectors.joining("|"));
        noClasses()
                .that()
                .haveNameNotMatching(excepted)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TEST_LIBRARIES)
                .because("test libraries stay in test scope")
                .check(main);
        noMembers()
                .should()
                .haveNameMatching("(?i).*(fortest|testhook|testonly|visiblefortest).*")
                .check(main);
        assertThat(hookComments()).as("comments marking main members as test hooks").isEmpty();
        facades.forEach(
                (name, allowed) ->
                        assertThat(publicMethods(main, name))
                                .as("public methods of " + name)
                                .isEqualTo(new TreeSet<>(allowed)));
    }

    private List<String> hookComments() {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(this::hookCommentsIn)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stream<String> hookCommentsIn(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> HOOK_COMMENT.matcher(lines.get(i)).find())
                    .mapToObj(
                            i ->
                                    sources.relativize(file)
                                            + ":"
                                            + (i + 1)
                                            + ": "
                                            + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> publicMethods(JavaClasses main, String className) {
        return main.get(className).getMethods().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.BRIDGE))
                .map(JavaMethod::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
