package dev.orderflow.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.SampleRoutes;
import dev.orderflow.functions.support.TestContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code api/openapi.yaml} true to the handlers: every sample event's actual response must be
 * declared for its operation and status, with its content type, and its body must validate against
 * the declared schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
class OpenApiResponsesTest {

    static final Path DOCUMENT = SampleEvents.FOLDER.resolve("../api/openapi.yaml").normalize();

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode OPENAPI = load();
    private static final SchemaRegistry SCHEMAS =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static JsonNode load() {
        try {
            return new YAMLMapper().readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> httpEvents() {
        return SampleEvents.named("apigw-");
    }

    @ParameterizedTest
    @MethodSource("httpEvents")
    void sampleEventResponse_isDeclaredByTheDocument_andMatchesItsSchema(String file)
            throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.http(file);
        APIGatewayV2HTTPResponse response =
                SampleRoutes.handlerFor(event.getRouteKey())
                        .handleRequest(event, new TestContext("req-1"));
        String[] route = event.getRouteKey().split(" ", 2);
        String operation = "/paths/" + escape(route[1]) + "/" + route[0].toLowerCase(Locale.ROOT);
        assertThat(OPENAPI.at(operation).isObject())
                .as("%s documents %s", DOCUMENT, event.getRouteKey())
                .isTrue();

        String status = Integer.toString(response.getStatusCode());
        String responsePointer =
                OPENAPI.at(operation + "/responses").has(status)
                        ? operation + "/responses/" + status
                        : operation + "/responses/default";
        responsePointer = resolve(responsePointer);
        assertThat(OPENAPI.at(responsePointer).isObject())
                .as("%s declares status %s", event.getRouteKey(), status)
                .isTrue();

        String contentType = response.getHeaders().get("Content-Type");
        String schemaPointer = responsePointer + "/content/" + escape(contentType) + "/schema";
        assertThat(OPENAPI.at(schemaPointer).isObject())
                .as("%s %s declares content type %s", event.getRouteKey(), status, contentType)
                .isTrue();
        if (response.getHeaders().containsKey("Location")) {
            assertThat(OPENAPI.at(responsePointer + "/headers/Location").isObject())
                    .as("%s %s declares its Location header", event.getRouteKey(), status)
                    .isTrue();
        }

        List<Error> errors = validate(schemaPointer, response.getBody());
        assertThat(errors).as("%s: %s", file, response.getBody()).isEmpty();
    }

    @Test
    void everyImplementedOperation_hasASampleEvent() {
        Set<String> sampled = new HashSet<>();
        for (String file : httpEvents()) {
            sampled.add(SampleEvents.http(file).getRouteKey());
        }
        Set<String> documented = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : OPENAPI.get("paths").properties()) {
            path.getValue()
                    .properties()
                    .forEach(
                            op -> {
                                if (METHODS.contains(op.getKey())) {
                                    documented.add(
                                            op.getKey().toUpperCase(Locale.ROOT)
                                                    + " "
                                                    + path.getKey());
                                }
                            });
        }
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void theValidator_catchesABodyThatBreaksTheSchema() throws IOException {
        String pointer = resolve("/paths/~1admin~1stock~1{sku}/get/responses/403");
        assertThat(
                        validate(
                                pointer + "/content/application~1problem+json/schema",
                                "{\"type\":\"https://orderflow.dev/problems/forbidden\","
                                        + "\"title\":\"Not allowed\",\"status\":\"403\"}"))
                .isNotEmpty();
        assertThat(
                        validate(
                                "/paths/~1health/get/responses/200/content/application~1json/schema",
                                "{\"status\":\"DOWN\",\"service\":\"orderflow\"}"))
                .isNotEmpty();
    }

    /**
     * Validates against the schema at a pointer into the document, which stays the root so that its
     * {@code #/components/...} references resolve.
     */
    private static List<Error> validate(String schemaPointer, String body) throws IOException {
        ObjectNode root = OPENAPI.deepCopy();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.put("$ref", "#" + schemaPointer);
        return SCHEMAS.getSchema(JSON.writeValueAsString(root), InputFormat.JSON)
                .validate(body, InputFormat.JSON);
    }

    /** Follows a response's {@code $ref} to components, if it has one. */
    private static String resolve(String pointer) {
        JsonNode ref = OPENAPI.at(pointer).get("$ref");
        return ref == null ? pointer : ref.asText().substring(1);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
