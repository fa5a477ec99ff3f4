package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code api/openapi.yaml} and the stack in step: the document's operations are exactly the
 * stack's routes, and each is public, JWT-only or scoped in both alike.
 */
class OpenApiRoutesTest {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final SynthesizedStack synth = SynthesizedStack.get();

    /** "public", or "jwt" followed by the required scopes, e.g. "jwt [orderflow/admin]". */
    private Map<String, String> stackRoutes() {
        Map<String, String> routes = new TreeMap<>();
        synth.resources("AWS::ApiGatewayV2::Route")
                .forEach(
                        r -> {
                            JsonNode p = r.getValue().get("Properties");
                            List<String> scopes = new ArrayList<>();
                            p.path("AuthorizationScopes").forEach(s -> scopes.add(s.asText()));
                            String auth = p.path("AuthorizationType").asText("NONE");
                            routes.put(
                                    p.get("RouteKey").asText(),
                                    "NONE".equals(auth) ? "public" : "jwt " + scopes);
                        });
        return routes;
    }

    private static JsonNode document() throws IOException {
        return new YAMLMapper()
                .readTree(RepositoryLayout.locate().root().resolve("api/openapi.yaml").toFile());
    }

    @Test
    void documentedOperations_areExactlyTheStacksRoutes_withTheSameSecurity() throws IOException {
        JsonNode doc = document();
        Map<String, String> documented = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String route = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String security =
                        security(
                                op.getValue().has("security")
                                        ? op.getValue().get("security")
                                        : doc.path("security"));
                documented.put(route, security);
            }
        }
        assertThat(documented).isEqualTo(stackRoutes());
    }

    /** An empty requirement list means public; otherwise the scopes every requirement names. */
    private static String security(JsonNode requirements) {
        if (!requirements.isArray() || requirements.isEmpty()) {
            return "public";
        }
        List<String> scopes = new ArrayList<>();
        requirements.forEach(
                requirement ->
                        requirement
                                .properties()
                                .forEach(
                                        scheme ->
                                                scheme.getValue()
                                                        .forEach(s -> scopes.add(s.asText()))));
        return "jwt " + scopes;
    }
}
