package dev.orderflow.cloud.internal.console;

import dev.orderflow.protocol.HttpAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The console's page, script and style sheet, shipped in this jar under {@code /console/}: nothing
 * is fetched at run time, and nothing is built for them.
 */
final class ConsoleAssets {

    private static final Map<String, String> TYPES =
            Map.of(
                    "index.html", "text/html; charset=utf-8",
                    "console.js", "text/javascript; charset=utf-8",
                    "console.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    ConsoleAssets() {
        this.files =
                Map.of(
                        "index.html", read("index.html"),
                        "console.js", read("console.js"),
                        "console.css", read("console.css"));
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the console's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset of that file name ({@code ""} is the page), if there is one. */
    Optional<HttpAnswer> get(String name) {
        String file = name.isEmpty() ? "index.html" : name;
        byte[] body = files.get(file);
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(
                HttpAnswer.of(200, TYPES.get(file), body).withHeader("Cache-Control", "no-cache"));
    }
}
