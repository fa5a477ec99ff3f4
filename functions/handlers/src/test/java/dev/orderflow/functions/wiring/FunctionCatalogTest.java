package dev.orderflow.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The function catalog ({@code functions/function-catalog.json}, which infra builds the functions
 * from) against the handlers: every handler class has an entry, each entry names a Lambda handler
 * class with a no-argument constructor, and the variables its wiring reads, followed from that
 * constructor through every call in this module, are exactly the ones the entry lists.
 */
class FunctionCatalogTest {

    private static final String PACKAGE = "dev.orderflow.functions";

    private static final Path CATALOG = Path.of("../function-catalog.json");

    private static final JavaClasses MAIN_CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(PACKAGE);

    /**
     * Variables the stack sets but the wiring does not read: the saga steps were given one shared
     * environment before the catalog existed. Dropping them changes the deployed template, which
     * the catalog's introduction kept unchanged (issue 20); remove them with the next change to the
     * saga steps' functions.
     */
    private static final Map<String, Set<String>> SET_BUT_UNREAD =
            Map.of(
                    "TakePayment", Set.of("INVENTORY_TABLE", "CENTERS_TABLE"),
                    "RefundPayment", Set.of("CENTERS_TABLE"),
                    "ReleaseStock", Set.of("CENTERS_TABLE"),
                    "CloseOrder", Set.of("CENTERS_TABLE"));

    static Stream<Named<JsonNode>> entries() throws IOException {
        JsonNode functions = new ObjectMapper().readTree(CATALOG.toFile()).get("functions");
        return StreamSupport.stream(functions.spliterator(), false)
                .map(entry -> Named.of(entry.get("name").asText(), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void handler_isALambdaHandlerBuiltWithoutArguments(JsonNode entry) {
        JavaClass handler = MAIN_CLASSES.get(entry.get("handler").asText());

        assertThat(isLambdaHandler(handler))
                .as("%s implements a Lambda handler interface", handler.getName())
                .isTrue();
        assertThat(handler.tryGetConstructor()).as("the constructor Lambda calls").isPresent();
    }

    @Test
    void everyHandlerClass_isInTheCatalog() throws IOException {
        Set<String> listed = new TreeSet<>();
        entries().forEach(entry -> listed.add(entry.getPayload().get("handler").asText()));

        assertThat(
                        MAIN_CLASSES.stream()
                                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                                .filter(FunctionCatalogTest::isLambdaHandler)
                                .map(JavaClass::getName))
                .as("handler classes; one missing from the catalog is never deployed")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void wiring_readsExactlyTheCatalogsVariables(JsonNode entry) {
        String name = entry.get("name").asText();
        Set<String> listed = new TreeSet<>(names(entry.get("environment")));
        listed.addAll(names(entry.path("localEnvironment")));
        Set<String> unread = SET_BUT_UNREAD.getOrDefault(name, Set.of());
        assertThat(listed).as("what %s is given", name).containsAll(unread);
        listed.removeAll(unread);

        assertThat(variablesReadFrom(MAIN_CLASSES.get(entry.get("handler").asText())))
                .as("read by %s's wiring", name)
                .isEqualTo(listed);
    }

    private static boolean isLambdaHandler(JavaClass type) {
        return type.isAssignableTo(RequestHandler.class)
                || type.isAssignableTo(RequestStreamHandler.class);
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /**
     * The {@link EnvironmentVariable}s reachable from the handler's no-argument constructor, the
     * one Lambda calls, through calls and method references (lambda bodies count as their enclosing
     * method's) into this module's classes.
     */
    private static Set<String> variablesReadFrom(JavaClass handler) {
        Set<String> read = new TreeSet<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> pending = new ArrayDeque<>();
        pending.add(handler.getConstructor());
        while (!pending.isEmpty()) {
            JavaCodeUnit unit = pending.pop();
            if (!seen.add(unit)) {
                continue;
            }
            for (JavaFieldAccess access : unit.getFieldAccesses()) {
                if (access.getTargetOwner().isEquivalentTo(EnvironmentVariable.class)) {
                    read.add(access.getTarget().getName());
                }
            }
            Stream.concat(
                            unit.getCallsFromSelf().stream().map(call -> call.getTarget()),
                            unit.getMethodReferencesFromSelf().stream().map(r -> r.getTarget()))
                    .filter(target -> target.getOwner().getPackageName().startsWith(PACKAGE))
                    .forEach(target -> target.resolveMember().ifPresent(pending::add));
        }
        return read;
    }
}
