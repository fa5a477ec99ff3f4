package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
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

    /** The two regions of the multi-region syntheses; the first is the primary. */
    static final String PRIMARY = "eu-central-1";

    static final String SECONDARY = "us-east-1";

    static final String DOMAIN = "shop.example.com";

    static final String HOSTED_ZONE = "Z0123456789ABCDEFGHIJ";

    /** Three regions of one MRSC region set. */
    static final List<String> STRONG_REGIONS = List.of("eu-west-1", "eu-west-2", "eu-central-1");

    /**
     * The multi-region deployments the tests synthesize, by name: two regions; the same with a
     * domain; three regions with strongly consistent stock.
     */
    static final Map<String, Map<String, Object>> DEPLOYMENTS =
            Map.of(
                    "two-regions",
                    with(CONTEXT, "regions", PRIMARY + "," + SECONDARY),
                    "two-regions-domain",
                    with(
                            with(CONTEXT, "regions", PRIMARY + "," + SECONDARY),
                            "domainName",
                            DOMAIN,
                            "hostedZoneId",
                            HOSTED_ZONE),
                    "strong-stock",
                    with(
                            with(CONTEXT, "regions", String.join(",", STRONG_REGIONS)),
                            "stockConsistency",
                            "strong"));

    /** Each synthesis ({@link #ENVIRONMENTS} and {@link #DEPLOYMENTS}) once per test JVM. */
    private static final Map<String, Deployment> BY_NAME = new HashMap<>();

    final OrderflowStack stack;
    final Template template;
    final JsonNode json;

    private SynthesizedStack(OrderflowStack stack) {
        this.stack = stack;
        template = Template.fromStack(stack);
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    private static final Map<OrderflowStack, SynthesizedStack> BY_STACK = new HashMap<>();

    private static synchronized SynthesizedStack of(OrderflowStack stack) {
        return BY_STACK.computeIfAbsent(stack, SynthesizedStack::new);
    }

    /** The {@code env=test} stack most tests check. */
    static SynthesizedStack get() {
        return of("test");
    }

    /** The stack of one of {@link #ENVIRONMENTS}. */
    static SynthesizedStack of(String environment) {
        if (!ENVIRONMENTS.containsKey(environment)) {
            throw new IllegalArgumentException("no such environment: " + environment);
        }
        return of(deployment(environment).primary());
    }

    /** One region's stack of one of {@link #DEPLOYMENTS}. */
    static SynthesizedStack of(String deployment, String region) {
        return of(deployment(deployment).in(region));
    }

    /** The stacks of one of {@link #ENVIRONMENTS} or {@link #DEPLOYMENTS}. */
    static synchronized Deployment deployment(String name) {
        Map<String, Object> context =
                ENVIRONMENTS.containsKey(name) ? ENVIRONMENTS.get(name) : DEPLOYMENTS.get(name);
        if (context == null) {
            throw new IllegalArgumentException("no such synthesis: " + name);
        }
        return BY_NAME.computeIfAbsent(
                name, n -> OrderflowApp.deploy(App.Builder.create().context(context).build()));
    }

    /** Every stack of a synthesis, the edge stack included, as JSON templates by stack. */
    static List<Stack> stacksOf(String name) {
        Deployment deployment = deployment(name);
        List<Stack> stacks = new ArrayList<>(deployment.regional());
        deployment.edge().ifPresent(stacks::add);
        return stacks;
    }

    /** A stack's template as JSON. */
    static JsonNode jsonOf(Stack stack) {
        return stack instanceof OrderflowStack regional
                ? of(regional).json
                : new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());
    }

    /** A copy of a context with more keys. */
    static Map<String, Object> with(Map<String, Object> context, Object... keysAndValues) {
        Map<String, Object> more = new HashMap<>(context);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            more.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(more);
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
