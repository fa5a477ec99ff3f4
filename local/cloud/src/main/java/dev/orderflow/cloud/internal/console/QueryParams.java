package dev.orderflow.cloud.internal.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The decoded parameters of a query string; the first value of a repeated name wins. */
final class QueryParams {

    private final Map<String, String> values = new HashMap<>();

    QueryParams(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(decode(name), decode(value));
            } catch (IllegalArgumentException e) {
                throw ConsoleProblem.badRequest("malformed percent-encoding in " + pair);
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The value, empty when absent or blank. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    String require(String name) {
        return get(name)
                .orElseThrow(
                        () -> ConsoleProblem.badRequest("query parameter " + name + " missing"));
    }

    /** An integer between {@code min} and {@code max}; {@code fallback} when absent. */
    int intBetween(String name, int min, int max, int fallback) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ConsoleProblem.badRequest(
                name + " must be an integer from " + min + " to " + max + ", got " + raw.get());
    }
}
