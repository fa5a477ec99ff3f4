package dev.orderflow.states.internal.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import java.util.List;

/**
 * A parsed JSONPath as Step Functions uses it (ASL spec "Paths" and "Reference Paths"): {@code $}
 * for the current value, {@code $$} for the context object, {@code $name} for a variable.
 */
public final class JsonPath {
    /** Which root the path starts from. */
    public enum Root {
        INPUT,
        CONTEXT,
        VARIABLE
    }

    private final String text;
    private final Root root;
    private final String variable;
    private final List<Segment> segments;
    private final boolean definite;

    private JsonPath(String text, Root root, String variable, List<Segment> segments) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.segments = List.copyOf(segments);
        this.definite = isDefinite();
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException when the text is not a valid path
     */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        Root root;
        String variable = null;
        int start;
        if (text.startsWith("$$")) {
            root = Root.CONTEXT;
            start = 2;
        } else if (text.length() > 1 && isIdentStart(text.charAt(1))) {
            root = Root.VARIABLE;
            int i = 1;
            while (i < text.length() && isIdentPart(text.charAt(i))) {
                i++;
            }
            variable = text.substring(1, i);
            start = i;
        } else {
            root = Root.INPUT;
            start = 1;
        }
        PathParser parser = new PathParser(text, start);
        List<Segment> segments = parser.segments();
        if (parser.position() != text.length()) {
            throw new IllegalArgumentException(
                    "unexpected character at position " + parser.position() + " in " + text);
        }
        return new JsonPath(text, root, variable, segments);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The original text. */
    public String text() {
        return text;
    }

    /** The root kind. */
    public Root root() {
        return root;
    }

    /** The variable name when {@link #root()} is VARIABLE. */
    public String variable() {
        return variable;
    }

    /** True when the path selects at most one node (no wildcard, filter, slice, union, scan). */
    public boolean isDefinite() {
        for (Segment s : segments) {
            if (!(s instanceof Segment.Field) && !(s instanceof Segment.Index)) {
                return false;
            }
        }
        return true;
    }

    /** True when the path is a reference path as ASL defines it (definite, no variable). */
    public boolean isReferencePath() {
        return isDefinite();
    }

    /** Reads the path; returns null when a definite path selects nothing. */
    public JsonNode read(PathRoots roots) {
        JsonNode start =
                switch (root) {
                    case INPUT -> roots.input();
                    case CONTEXT -> roots.context();
                    case VARIABLE -> roots.variables().apply(variable);
                };
        if (start == null) {
            return null;
        }
        if (definite) {
            JsonNode node = start;
            for (Segment seg : segments) {
                if (seg instanceof Segment.Field f) {
                    if (node.isObject()) {
                        node = node.get(f.name());
                    } else if (node.isArray() && f.name().equals("length")) {
                        node = com.fasterxml.jackson.databind.node.IntNode.valueOf(node.size());
                    } else {
                        node = null;
                    }
                } else {
                    int index = ((Segment.Index) seg).index();
                    int i = index < 0 ? node.size() + index : index;
                    node = node.isArray() && i >= 0 && i < node.size() ? node.get(i) : null;
                }
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
        List<JsonNode> found = PathEvaluator.select(start, segments, roots.input());
        if (isDefinite()) {
            return found.isEmpty() ? null : found.get(0);
        }
        ArrayNode array = Json.NODES.arrayNode();
        found.forEach(array::add);
        return array;
    }

    /**
     * Reads the path and fails with {@code States.Runtime} when nothing matches.
     *
     * @throws StatesFailure when the path selects nothing
     */
    public JsonNode require(PathRoots roots) {
        JsonNode value = read(roots);
        if (value == null) {
            throw StatesFailure.runtime(
                    "Invalid path '" + text + "' : No results for path: " + bracketed());
        }
        return value;
    }

    /**
     * Writes {@code value} into a deep copy of {@code target} at this reference path, creating
     * missing objects (ASL spec "ResultPath").
     *
     * @throws StatesFailure {@code States.ResultPathMatchFailure} when the path runs through a
     *     non-object
     */
    public JsonNode write(JsonNode target, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = target.deepCopy();
        if (!copy.isObject() && !(copy.isArray() && segments.get(0) instanceof Segment.Index)) {
            throw mismatch(target);
        }
        JsonNode node = copy;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            Segment seg = segments.get(i);
            if (seg instanceof Segment.Field f && node instanceof ObjectNode obj) {
                if (last) {
                    obj.set(f.name(), value);
                } else {
                    JsonNode child = obj.get(f.name());
                    if (child == null || child.isNull()) {
                        child = obj.putObject(f.name());
                    }
                    node = child;
                }
            } else if (seg instanceof Segment.Index idx && node instanceof ArrayNode arr) {
                int at = idx.index() < 0 ? arr.size() + idx.index() : idx.index();
                if (at < 0 || at >= arr.size()) {
                    throw mismatch(target);
                }
                if (last) {
                    arr.set(at, value);
                } else {
                    node = arr.get(at);
                }
            } else {
                throw mismatch(target);
            }
        }
        return copy;
    }

    private StatesFailure mismatch(JsonNode target) {
        return new StatesFailure(
                StatesErrors.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath \""
                        + text
                        + "\" to input \""
                        + Json.write(target)
                        + "\"");
    }

    /** The path in bracket notation, as AWS's messages print it: {@code $['a']['b'][0]}. */
    public String bracketed() {
        StringBuilder sb = new StringBuilder(root == Root.CONTEXT ? "$$" : "$");
        if (root == Root.VARIABLE) {
            sb.append(variable);
        }
        for (Segment s : segments) {
            if (s instanceof Segment.Field f) {
                sb.append("['").append(f.name()).append("']");
            } else if (s instanceof Segment.Index i) {
                sb.append('[').append(i.index()).append(']');
            } else if (s instanceof Segment.DeepScan d) {
                sb.append("..").append(d.name() == null ? "*" : "['" + d.name() + "']");
            } else if (s instanceof Segment.Union u) {
                sb.append(u.keys());
            } else if (s instanceof Segment.Slice sl) {
                sb.append('[')
                        .append(sl.start() == null ? "" : sl.start())
                        .append(':')
                        .append(sl.end() == null ? "" : sl.end())
                        .append(']');
            } else if (s instanceof Segment.Filter) {
                sb.append("[?]");
            } else {
                sb.append("[*]");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
