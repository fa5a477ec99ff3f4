package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void internalPackages_doNotImportEachOtherInCycles() throws IOException {
        Pattern imports =
                Pattern.compile(
                        "import (?:static )?dev\\.orderflow\\.states\\.internal\\.(\\w+)\\.");
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path p : sources("internal")) {
            String pkg = p.getParent().getFileName().toString();
            Matcher m = imports.matcher(Files.readString(p));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        for (String pkg : uses.keySet()) {
            assertThat(reachable(uses, pkg))
                    .as("packages reachable from internal." + pkg)
                    .doesNotContain(pkg);
        }
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(uses.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
