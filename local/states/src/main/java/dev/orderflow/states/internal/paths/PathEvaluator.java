package dev.orderflow.states.internal.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks parsed segments over a Jackson tree. */
final class PathEvaluator {
    private PathEvaluator() {}

    static List<JsonNode> select(JsonNode start, List<Segment> segments, JsonNode root) {
        List<JsonNode> current = new ArrayList<>(1);
        current.add(start);
        for (Segment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(segment, node, root, next);
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    private static void apply(Segment segment, JsonNode node, JsonNode root, List<JsonNode> out) {
        if (segment instanceof Segment.Field f) {
            field(node, f.name(), out);
        } else if (segment instanceof Segment.Index i) {
            index(node, i.index(), out);
        } else if (segment instanceof Segment.Wildcard) {
            children(node, out);
        } else if (segment instanceof Segment.DeepScan d) {
            deepScan(node, d.name(), out);
        } else if (segment instanceof Segment.Union u) {
            for (Object key : u.keys()) {
                if (key instanceof Integer idx) {
                    index(node, idx, out);
                } else {
                    field(node, (String) key, out);
                }
            }
        } else if (segment instanceof Segment.Slice s) {
            slice(node, s, out);
        } else if (segment instanceof Segment.Filter f) {
            List<JsonNode> candidates = new ArrayList<>();
            children(node, candidates);
            for (JsonNode c : candidates) {
                if (f.expr().test(c, root)) {
                    out.add(c);
                }
            }
        }
    }

    private static void field(JsonNode node, String name, List<JsonNode> out) {
        if (node.isObject()) {
            JsonNode v = node.get(name);
            if (v != null) {
                out.add(v);
            }
        } else if (node.isArray() && name.equals("length")) {
            out.add(IntNode.valueOf(node.size()));
        }
    }

    private static void index(JsonNode node, int index, List<JsonNode> out) {
        if (node.isArray()) {
            int i = index < 0 ? node.size() + index : index;
            if (i >= 0 && i < node.size()) {
                out.add(node.get(i));
            }
        }
    }

    private static void children(JsonNode node, List<JsonNode> out) {
        if (node.isArray() || node.isObject()) {
            for (JsonNode child : node) {
                out.add(child);
            }
        }
    }

    private static void deepScan(JsonNode node, String name, List<JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (name == null || e.getKey().equals(name)) {
                    out.add(e.getValue());
                }
                deepScan(e.getValue(), name, out);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (name == null) {
                    out.add(child);
                }
                deepScan(child, name, out);
            }
        }
    }

    private static void slice(JsonNode node, Segment.Slice s, List<JsonNode> out) {
        if (!node.isArray()) {
            return;
        }
        int n = node.size();
        int start = s.start() == null ? 0 : norm(s.start(), n);
        int end = s.end() == null ? n : norm(s.end(), n);
        for (int i = start; i < end; i += Math.max(1, s.step())) {
            out.add(node.get(i));
        }
    }

    private static int norm(int i, int n) {
        int v = i < 0 ? n + i : i;
        return Math.max(0, Math.min(n, v));
    }
}
