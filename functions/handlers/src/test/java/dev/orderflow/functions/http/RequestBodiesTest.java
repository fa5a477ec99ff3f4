package dev.orderflow.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.orderflow.domain.error.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    record Delta(Integer delta) {}

    record Line(String sku, Integer quantity, Boolean gift, Map<String, Integer> regions) {}

    private static APIGatewayV2HTTPEvent body(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static InvalidInput.Violation refusal(String body, Class<?> type) {
        InvalidInput refused =
                catchThrowableOfType(
                        InvalidInput.class, () -> RequestBodies.read(body(body), type));
        assertThat(refused).as(body).isNotNull();
        return refused.violations().get(0);
    }

    @Test
    void read_refusesEveryRootThatIsNotAnObject_evenForASingleFieldRecord() {
        for (String root : List.of("null", " null ", "5", "-1", "1.5", "\"5\"", "true", "[]")) {
            for (Class<?> type : List.of(Delta.class, Line.class)) {
                assertThat(refusal(root, type))
                        .as(root + " as " + type.getSimpleName())
                        .isEqualTo(new InvalidInput.Violation("body", "must be a JSON object"));
            }
        }
    }

    @Test
    void read_refusesCoercedScalars_namingTheField() {
        record Case(String body, String field) {}
        for (Case c :
                List.of(
                        new Case("{\"delta\":\"5\"}", "delta"),
                        new Case("{\"delta\":1.5}", "delta"),
                        new Case("{\"delta\":true}", "delta"),
                        new Case("{\"delta\":[5]}", "delta"),
                        new Case("{\"delta\":{}}", "delta"),
                        new Case("{\"sku\":5}", "sku"),
                        new Case("{\"sku\":false}", "sku"),
                        new Case("{\"sku\":1.25}", "sku"),
                        new Case("{\"gift\":\"true\"}", "gift"),
                        new Case("{\"gift\":1}", "gift"),
                        new Case("{\"regions\":{\"DE-BY\":\"3\"}}", "regions.DE-BY"),
                        new Case("{\"regions\":[]}", "regions"))) {
            Class<?> type = c.body().contains("delta") ? Delta.class : Line.class;
            assertThat(refusal(c.body(), type).field()).as(c.body()).isEqualTo(c.field());
        }
    }

    @Test
    void read_refusesTrailingTokensAndDeepNesting_asInvalidJson() {
        assertThat(refusal("{} {}", Delta.class).field()).isEqualTo("body");
        assertThat(refusal("{\"delta\":" + "[".repeat(10_000), Delta.class).field())
                .isEqualTo("body");
    }

    @Test
    void read_refusesBodiesSentAsAnotherMediaType_namingContentType() {
        for (String type :
                List.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/octet-stream",
                        "application/jsonx",
                        "multipart/form-data; boundary=x")) {
            APIGatewayV2HTTPEvent event = body("{\"delta\":1}");
            event.setHeaders(Map.of("content-type", type));
            InvalidInput refused =
                    catchThrowableOfType(
                            InvalidInput.class, () -> RequestBodies.read(event, Delta.class));
            assertThat(refused).as(type).isNotNull();
            assertThat(refused.violations().get(0).field()).isEqualTo("Content-Type");
        }
        for (String type :
                List.of(
                        "application/json",
                        "Application/JSON; charset=utf-8",
                        "application/problem+json")) {
            APIGatewayV2HTTPEvent event = body("{\"delta\":1}");
            event.setHeaders(Map.of("content-type", type));
            assertThat(RequestBodies.read(event, Delta.class)).as(type).isEqualTo(new Delta(1));
        }
    }

    @Test
    void read_bindsWellTypedBodies() {
        assertThat(RequestBodies.read(body("{\"delta\":-3}"), Delta.class))
                .isEqualTo(new Delta(-3));
        assertThat(
                        RequestBodies.read(
                                body(
                                        "{\"sku\":\"MUG\",\"quantity\":2,\"gift\":true,"
                                                + "\"regions\":{\"DE-BY\":3}}"),
                                Line.class))
                .isEqualTo(new Line("MUG", 2, true, Map.of("DE-BY", 3)));
    }
}
