package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The stack synthesized once per test JVM (a synth costs seconds), with its template as JSON. */
final class SynthesizedStack {

    static final Map<String, Object> CONTEXT =
            Map.of(
                    "env",
                    "test",
                    "alarmEmail",
                    "ops@example.com",
                    "allowedOrigins",
                    "https://shop.example.com");

    private static SynthesizedStack instance;

    final OrderflowStack stack;
    final Template template;
    final JsonNode json;

    private SynthesizedStack() {
        App app = App.Builder.create().context(CONTEXT).build();
        stack = OrderflowApp.build(app);
        template = Template.fromStack(stack);
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }

    /** Logical ids and bodies of every resource of a type. */
    List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = json.get("Resources").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                found.add(e);
            }
        }
        return found;
    }

    JsonNode resource(String logicalId) {
        return json.get("Resources").get(logicalId);
    }
}
