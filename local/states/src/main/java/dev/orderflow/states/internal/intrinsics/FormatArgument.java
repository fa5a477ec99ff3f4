package dev.orderflow.states.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;

/** How {@code States.Format} renders the value it puts in place of a {@code {}}. */
final class FormatArgument {
    private FormatArgument() {}

    /**
     * A Format argument as AWS renders it: strings raw, objects as {@code {k=v, k2=v2}}, arrays as
     * {@code [a, b]} (recorded executions, LocalStack test_generic snapshots "test_format_2" and
     * "test_context_json_path": {@code {"Arg1":1,"Arg2":[]}} gives {@code {Arg1=1, Arg2=[]}}).
     */
    static String render(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            v.properties()
                    .forEach(
                            e -> {
                                if (sb.length() > 1) {
                                    sb.append(", ");
                                }
                                sb.append(e.getKey()).append('=').append(render(e.getValue()));
                            });
            return sb.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode e : v) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(render(e));
            }
            return sb.append(']').toString();
        }
        return Json.write(v);
    }
}
