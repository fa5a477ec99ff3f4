package dev.orderflow.functions.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.TestContext;
import org.junit.jupiter.api.Test;

class DescribeCallerHandlerTest {

    private final DescribeCallerHandler handler = new DescribeCallerHandler(new RecordingMetrics());

    private JsonNode call(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("r"));
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body)
                .put("_status", response.getStatusCode());
        return body;
    }

    @Test
    void handleRequest_describesAnAdmin_fromFlattenedScopeAndGroupClaims() throws Exception {
        JsonNode body = call(SampleEvents.http("apigw-get-me-admin.json"));

        assertThat(body.get("_status").asInt()).isEqualTo(200);
        assertThat(body.get("subject").asText()).isEqualTo("4f1c2a9e-1111-4a6b-9c1d-5b7f0e2d3c4a");
        assertThat(body.get("scopes").toString())
                .isEqualTo("[\"email\",\"openid\",\"orderflow/admin\"]");
        assertThat(body.get("groups").toString()).isEqualTo("[\"admins\"]");
        assertThat(body.get("admin").asBoolean()).isTrue();
    }

    @Test
    void handleRequest_describesACustomer_asNoAdmin() throws Exception {
        JsonNode body = call(SampleEvents.http("apigw-get-me-customer.json"));

        assertThat(body.get("admin").asBoolean()).isFalse();
        assertThat(body.get("groups")).isEmpty();
    }

    @Test
    void handleRequest_answers401Problem_whenNoTokenReachedTheFunction() throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-me-customer.json");
        event.getRequestContext().setAuthorizer(null);

        JsonNode body = call(event);

        assertThat(body.get("_status").asInt()).isEqualTo(401);
        assertThat(body.get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/unauthenticated");
    }
}
