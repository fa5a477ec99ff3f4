package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the case files under {@code src/test/resources/conformance/<feature>/*.json}, so that the
 * runner and the divergence report see the same cases.
 */
final class ConformanceCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case file: its path under {@code conformance/} (with {@code /}) and its content. */
    record CaseFile(String path, JsonNode json) {
        /** The cases of this file, in file order. */
        List<JsonNode> cases() {
            List<JsonNode> out = new ArrayList<>();
            json.get("cases").forEach(out::add);
            return out;
        }
    }

    private ConformanceCases() {}

    /** Every case file, sorted by path. */
    static List<CaseFile> files() throws IOException, URISyntaxException {
        Path root = Path.of(ConformanceCases.class.getResource("/conformance").toURI());
        List<CaseFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String path =
                        root.relativize(f)
                                .toString()
                                .replace(f.getFileSystem().getSeparator(), "/");
                out.add(new CaseFile(path, JSON.readTree(f.toFile())));
            }
        }
        return out;
    }
}
