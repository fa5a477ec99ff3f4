package dev.orderflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The HTTP API's operations as {@code api/openapi.yaml} documents them (schemas with every {@code
 * $ref} resolved), each with a good request taken from its sample event under {@code events/}, so a
 * route added to the document is covered by the tests that read it.
 */
final class ApiOperations {

    /** Who may call an operation. */
    enum Access {
        PUBLIC,
        JWT,
        ADMIN,
        WAREHOUSE
    }

    record Param(String name, String in, boolean required, JsonNode schema) {}

    /** A good request: path values, query, headers and body of the operation's sample event. */
    record Sample(
            Map<String, String> path,
            Map<String, String> query,
            Map<String, String> headers,
            String body) {}

    record Operation(
            String method,
            String path,
            Access access,
            List<Param> params,
            Optional<JsonNode> body,
            Sample sample) {

        String routeKey() {
            return method + " " + path;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiOperations() {}

    static List<Operation> read(Path repo) {
        try {
            JsonNode doc = new YAMLMapper().readTree(repo.resolve("api/openapi.yaml").toFile());
            Map<String, JsonNode> samples = samples(repo.resolve("events"));
            List<Operation> operations = new ArrayList<>();
            for (var path : doc.get("paths").properties()) {
                for (var op : path.getValue().properties()) {
                    if (METHODS.contains(op.getKey())) {
                        String method = op.getKey().toUpperCase(Locale.ROOT);
                        String routeKey = method + " " + path.getKey();
                        JsonNode sample = samples.get(routeKey);
                        if (sample == null) {
                            throw new IllegalStateException(
                                    "no sample event under events/ for " + routeKey);
                        }
                        operations.add(
                                operation(doc, method, path.getKey(), op.getValue(), sample));
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation operation(
            JsonNode doc, String method, String path, JsonNode op, JsonNode sample) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(doc, p);
            params.add(
                    new Param(
                            param.get("name").asText(),
                            param.get("in").asText(),
                            param.path("required").asBoolean(false),
                            param.path("schema")));
        }
        Optional<JsonNode> body =
                Optional.of(op.at("/requestBody/content/application~1json/schema"))
                        .filter(s -> !s.isMissingNode())
                        .map(s -> resolve(doc, s));
        return new Operation(method, path, access(op, doc), params, body, sample(sample, params));
    }

    private static Access access(JsonNode op, JsonNode doc) {
        JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
        if (security.isEmpty()) {
            return Access.PUBLIC;
        }
        Access access = Access.JWT;
        for (JsonNode requirement : security) {
            for (var scheme : requirement.properties()) {
                for (JsonNode scope : scheme.getValue()) {
                    access =
                            scope.asText().equals("orderflow/warehouse")
                                    ? Access.WAREHOUSE
                                    : Access.ADMIN;
                }
            }
        }
        return access;
    }

    /** The sample event of each route: the shortest file name, e.g. not its "-invalid" twin. */
    private static Map<String, JsonNode> samples(Path events) throws IOException {
        Map<String, JsonNode> byRoute = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(events)) {
            for (Path file :
                    files.filter(f -> f.getFileName().toString().startsWith("apigw-"))
                            .sorted(Comparator.comparing(f -> f.getFileName().toString().length()))
                            .toList()) {
                JsonNode event = JSON.readTree(file.toFile());
                byRoute.putIfAbsent(event.path("routeKey").asText(), event);
            }
        }
        return byRoute;
    }

    private static Sample sample(JsonNode event, List<Param> params) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param p : params) {
            String value = event.path("headers").path(p.name().toLowerCase(Locale.ROOT)).asText();
            if (p.in().equals("header") && !value.isEmpty()) {
                headers.put(p.name(), value);
            }
        }
        String body = event.path("body").asText("");
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        return new Sample(
                strings(event.path("pathParameters")),
                strings(event.path("queryStringParameters")),
                headers,
                body);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** A copy of the node with every local {@code $ref} replaced by what it points at. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            return resolve(doc, doc.at(node.get("$ref").asText().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), resolve(doc, e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(resolve(doc, n)));
            return copy;
        }
        return node;
    }
}
