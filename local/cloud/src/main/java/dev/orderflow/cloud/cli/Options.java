package dev.orderflow.cloud.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed command line: positional words, {@code --key value} options and {@code --flags}. */
final class Options {

    private static final Set<String> FLAGS =
            Set.of("seed", "help", "json", "stock-up", "no-throttle");

    final List<String> words = new ArrayList<>();
    private final Map<String, List<String>> values = new HashMap<>();

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (FLAGS.contains(key)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                o.values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else {
                o.words.add(a);
            }
        }
        return o;
    }

    Optional<String> get(String key) {
        List<String> v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    boolean flag(String key) {
        return values.containsKey(key);
    }

    /**
     * The option as a whole number, or {@code defaultValue} when absent.
     *
     * @throws IllegalArgumentException naming the option if it is not a whole number
     */
    int wholeNumber(String key, int defaultValue) {
        String v = get(key).orElse(null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not " + v);
        }
    }

    int port(String key, int defaultValue) {
        return get(key).map(Integer::parseInt).orElse(defaultValue);
    }

    String word(int index, String what) {
        if (index >= words.size()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return words.get(index);
    }
}
