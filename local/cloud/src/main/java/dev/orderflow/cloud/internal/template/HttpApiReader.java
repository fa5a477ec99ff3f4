package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the first HTTP API of a stack: routes, integrations, JWT authorizers, CORS, stage. */
final class HttpApiReader {

    private HttpApiReader() {}

    static Optional<HttpApiSpec> read(CfnStack stack) {
        Intrinsics in = stack.intrinsics();
        PhysicalIds ids = stack.ids();
        Map<String, JsonNode> apis = stack.forType("AWS::ApiGatewayV2::Api");
        for (Map.Entry<String, JsonNode> api : apis.entrySet()) {
            JsonNode p = in.resolve(api.getValue().path("Properties"));
            if (!"HTTP".equals(p.path("ProtocolType").asText())) {
                throw new TemplateException(
                        api.getKey() + ": only HTTP APIs are emulated, not WebSocket APIs");
            }
            String apiId = ids.ref(api.getKey()).orElseThrow();
            Map<String, JsonNode> integrations = byRef(stack, "AWS::ApiGatewayV2::Integration");
            Map<String, AuthorizerSpec> authorizers = authorizers(stack, apiId);
            List<RouteSpec> routes = new ArrayList<>();
            stack.forType("AWS::ApiGatewayV2::Route")
                    .forEach(
                            (id, r) -> {
                                JsonNode rp = in.resolve(r.path("Properties"));
                                if (!apiId.equals(rp.path("ApiId").asText())) {
                                    return;
                                }
                                routes.add(route(id, rp, integrations, authorizers, in));
                            });
            return Optional.of(
                    new HttpApiSpec(
                            api.getKey(),
                            apiId,
                            p.path("Name").asText(api.getKey()),
                            routes,
                            cors(p.path("CorsConfiguration")),
                            throttle(stack, apiId)));
        }
        return Optional.empty();
    }

    private static RouteSpec route(
            String id,
            JsonNode rp,
            Map<String, JsonNode> integrations,
            Map<String, AuthorizerSpec> authorizers,
            Intrinsics in) {
        String target = rp.path("Target").asText("");
        if (!target.startsWith("integrations/")) {
            throw new TemplateException(id + ": route without an integration target");
        }
        JsonNode integration = integrations.get(target.substring("integrations/".length()));
        if (integration == null) {
            throw new TemplateException(id + ": unknown integration " + target);
        }
        JsonNode ip = in.resolve(integration.path("Properties"));
        if (!"AWS_PROXY".equals(ip.path("IntegrationType").asText())) {
            throw new TemplateException(
                    id
                            + ": integration type "
                            + ip.path("IntegrationType").asText()
                            + " is not supported locally (only AWS_PROXY to Lambda)");
        }
        if (!"2.0".equals(ip.path("PayloadFormatVersion").asText("2.0"))) {
            throw new TemplateException(
                    id
                            + ": payload format "
                            + ip.path("PayloadFormatVersion").asText()
                            + " is not emulated locally (2.0 is)");
        }
        String uri = ip.path("IntegrationUri").asText();
        int functions = uri.indexOf("/functions/");
        if (functions >= 0) {
            uri = uri.substring(functions + "/functions/".length()).replace("/invocations", "");
        }
        // limit 0 drops a trailing empty part: "...:function:name:" has no qualifier
        String[] parts = uri.split(":", 0);
        Optional<String> qualifier =
                uri.startsWith("arn:") && parts.length > 7
                        ? Optional.of(parts[7])
                        : Optional.empty();
        Optional<AuthorizerSpec> authorizer = Optional.empty();
        if ("JWT".equals(rp.path("AuthorizationType").asText("NONE"))) {
            authorizer = Optional.ofNullable(authorizers.get(rp.path("AuthorizerId").asText()));
            if (authorizer.isEmpty()) {
                throw new TemplateException(id + ": unknown authorizer " + rp.path("AuthorizerId"));
            }
        } else if (!"NONE".equals(rp.path("AuthorizationType").asText("NONE"))) {
            throw new TemplateException(
                    id
                            + ": authorization type "
                            + rp.path("AuthorizationType").asText()
                            + " is not supported locally (NONE and JWT are)");
        }
        List<String> scopes = new ArrayList<>();
        rp.path("AuthorizationScopes").forEach(s -> scopes.add(s.asText()));
        return new RouteSpec(
                rp.path("RouteKey").asText(),
                CfnStack.functionName(uri),
                qualifier,
                ip.path("PayloadFormatVersion").asText("2.0"),
                authorizer,
                scopes);
    }

    private static Map<String, AuthorizerSpec> authorizers(CfnStack stack, String apiId) {
        Map<String, AuthorizerSpec> out = new HashMap<>();
        stack.forType("AWS::ApiGatewayV2::Authorizer")
                .forEach(
                        (id, r) -> {
                            JsonNode p = stack.intrinsics().resolve(r.path("Properties"));
                            if (!apiId.equals(p.path("ApiId").asText())) {
                                return;
                            }
                            if (!"JWT".equals(p.path("AuthorizerType").asText())) {
                                throw new TemplateException(
                                        id + ": only JWT authorizers are supported locally");
                            }
                            List<String> audiences = new ArrayList<>();
                            p.path("JwtConfiguration")
                                    .path("Audience")
                                    .forEach(a -> audiences.add(a.asText()));
                            String ref = stack.ids().ref(id).orElseThrow();
                            out.put(
                                    ref,
                                    new AuthorizerSpec(
                                            ref,
                                            p.path("Name").asText(id),
                                            p.path("JwtConfiguration").path("Issuer").asText(),
                                            audiences,
                                            p.path("IdentitySource")
                                                    .path(0)
                                                    .asText("$request.header.Authorization")));
                        });
        return out;
    }

    private static Map<String, JsonNode> byRef(CfnStack stack, String type) {
        Map<String, JsonNode> out = new HashMap<>();
        stack.forType(type).forEach((id, r) -> out.put(stack.ids().ref(id).orElseThrow(), r));
        return out;
    }

    private static Optional<HttpApiSpec.CorsSpec> cors(JsonNode c) {
        if (!c.isObject()) {
            return Optional.empty();
        }
        return Optional.of(
                new HttpApiSpec.CorsSpec(
                        list(c.path("AllowOrigins")),
                        list(c.path("AllowMethods")),
                        list(c.path("AllowHeaders")),
                        list(c.path("ExposeHeaders")),
                        c.path("AllowCredentials").asBoolean(false),
                        c.path("MaxAge").asInt(0)));
    }

    private static Optional<HttpApiSpec.ThrottleSpec> throttle(CfnStack stack, String apiId) {
        for (JsonNode stage : stack.forType("AWS::ApiGatewayV2::Stage").values()) {
            JsonNode p = stack.intrinsics().resolve(stage.path("Properties"));
            JsonNode s = p.path("DefaultRouteSettings");
            if (apiId.equals(p.path("ApiId").asText()) && s.has("ThrottlingRateLimit")) {
                return Optional.of(
                        new HttpApiSpec.ThrottleSpec(
                                s.path("ThrottlingRateLimit").asDouble(),
                                s.path("ThrottlingBurstLimit").asInt(1)));
            }
        }
        return Optional.empty();
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
