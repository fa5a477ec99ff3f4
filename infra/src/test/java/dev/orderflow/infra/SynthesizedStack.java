package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack synthesized once per environment and test JVM (a synth costs seconds), with its
 * template as JSON.
 */
final class SynthesizedStack {

    static final Map<String, Object> CONTEXT =
            Map.of(
                    "env",
                    "test",
                    "alarmEmail",
                    "ops@example.com",
                    "allowedOrigins",
                    "https://shop.example.com");

    /** The payment secret the production synthesis names (it need not exist to synthesize). */
    static final String PROD_PAYMENT_SECRET = "orderflow/prod/payment-api";

    static final String PROD_MAIL_SECRET = "orderflow/prod/mail";

    /**
     * Every environment the app can synthesize, by name: the tests' own, the local/dev one as
     * {@code cdk.json} gives it, and production with the real adapters it requires.
     */
    static final Map<String, Map<String, Object>> ENVIRONMENTS =
            Map.of(
                    "test",
                    CONTEXT,
                    "dev",
                    CdkJson.context(RepositoryLayout.locate().root()),
                    "prod",
                    Map.of(
                            "env",
                            "prod",
                            "alarmEmail",
                            "ops@example.com",
                            "allowedOrigins",
                            "https://shop.example.com",
                            "paymentProvider",
                            "http",
                            "paymentSecretName",
                            PROD_PAYMENT_SECRET,
                            "warehouse",
                            "http",
                            "notifier",
                            "http",
                            "mailSecretName",
                            PROD_MAIL_SECRET));

    private static final Map<String, SynthesizedStack> BY_ENVIRONMENT = new HashMap<>();

    final OrderflowStack stack;
    final Template template;
    final JsonNode json;

    private SynthesizedStack(Map<String, Object> context) {
        App app = App.Builder.create().context(context).build();
        stack = OrderflowApp.build(app);
        template = Template.fromStack(stack);
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    /** The {@code env=test} stack most tests check. */
    static SynthesizedStack get() {
        return of("test");
    }

    /** The stack of one of {@link #ENVIRONMENTS}. */
    static synchronized SynthesizedStack of(String environment) {
        Map<String, Object> context = ENVIRONMENTS.get(environment);
        if (context == null) {
            throw new IllegalArgumentException("no such environment: " + environment);
        }
        return BY_ENVIRONMENT.computeIfAbsent(environment, e -> new SynthesizedStack(context));
    }

    /** The environment variables of the function running a handler class. */
    JsonNode environmentOf(String handlerSimpleName) {
        List<JsonNode> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> fn : resources("AWS::Lambda::Function")) {
            if (fn.getValue()
                    .at("/Properties/Handler")
                    .asText()
                    .endsWith("." + handlerSimpleName)) {
                found.add(fn.getValue().at("/Properties/Environment/Variables"));
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(
                    found.size() + " functions run " + handlerSimpleName + ", expected one");
        }
        return found.get(0);
    }

    /** Logical ids and bodies of every resource of a type. */
    List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.get("Resources").properties()) {
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
