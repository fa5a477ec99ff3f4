package dev.orderflow.infra.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;

/**
 * {@code functions/function-catalog.json}: every function orderflow deploys, with its handler class
 * and the environment variables it reads. The handlers' tests check the same file against the
 * handler classes, so the stack names them without linking business code.
 */
public final class FunctionCatalog {

    /**
     * One function.
     *
     * @param name its construct id, e.g. {@code PlaceOrder}
     * @param handler its handler class
     * @param environment the variables the stack sets for it
     * @param timeout how long one invocation may run
     */
    public record Entry(String name, String handler, List<String> environment, Duration timeout) {
        public Entry {
            environment = List.copyOf(environment);
        }
    }

    private final Map<String, Entry> byName;

    private FunctionCatalog(Map<String, Entry> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Reads the catalog from its JSON file.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static FunctionCatalog read(Path file) {
        try {
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (JsonNode function : new ObjectMapper().readTree(file.toFile()).path("functions")) {
                Entry entry = entry(function);
                if (byName.put(entry.name(), entry) != null) {
                    throw new IllegalStateException(file + " lists " + entry.name() + " twice");
                }
            }
            return new FunctionCatalog(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Entry entry(JsonNode function) {
        List<String> environment = new ArrayList<>();
        function.path("environment").forEach(name -> environment.add(name.asText()));
        JsonNode timeout = function.path("timeoutSeconds");
        return new Entry(
                function.path("name").asText(),
                function.path("handler").asText(),
                environment,
                timeout.isMissingNode()
                        ? Functions.DEFAULT_TIMEOUT
                        : Duration.seconds(timeout.asInt()));
    }

    /**
     * The catalog's entry for the function of this name.
     *
     * @throws IllegalArgumentException if the catalog has no such function
     */
    public Entry entry(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "function " + name + " is not in functions/function-catalog.json");
        }
        return entry;
    }

    /** Every function, in the file's order. */
    public Collection<Entry> entries() {
        return byName.values();
    }
}
