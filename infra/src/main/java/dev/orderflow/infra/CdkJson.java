package dev.orderflow.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code context} block of the repository's {@code cdk.json}. */
final class CdkJson {

    private CdkJson() {}

    /**
     * cdk.json's context plus what the CLI adds by default: asset and path metadata, which the
     * local cloud reads to find each function's code.
     */
    static Map<String, Object> contextAsTheCliGivesIt(Path repositoryRoot) {
        Map<String, Object> context = new HashMap<>(context(repositoryRoot));
        context.putIfAbsent("aws:cdk:enable-asset-metadata", true);
        context.putIfAbsent("aws:cdk:enable-path-metadata", true);
        return context;
    }

    static Map<String, Object> context(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("cdk.json");
        try {
            Map<String, Object> json =
                    new ObjectMapper()
                            .readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
            Object context = json.get("context");
            if (context == null) {
                return Map.of();
            }
            if (!(context instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + ": context must be an object");
            }
            @SuppressWarnings("unchecked") // a JSON object read into a Map has String keys
            Map<String, Object> entries = (Map<String, Object>) context;
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
