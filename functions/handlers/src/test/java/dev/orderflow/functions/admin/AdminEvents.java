package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.functions.support.SampleEvents;
import java.util.HashMap;

/** Sample events of the admin routes, varied per test. */
final class AdminEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminEvents() {}

    static APIGatewayV2HTTPEvent event(String file) {
        return SampleEvents.http(file);
    }

    static APIGatewayV2HTTPEvent withBody(String file, String body) {
        APIGatewayV2HTTPEvent event = SampleEvents.http(file);
        event.setBody(body);
        return event;
    }

    /** The same request by a customer without the admin scope or group. */
    static APIGatewayV2HTTPEvent asCustomer(APIGatewayV2HTTPEvent event) {
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        var claims = new HashMap<>(jwt.getClaims());
        claims.put("sub", "alice-0000-4000-8000-000000000001");
        claims.put("scope", "openid email");
        claims.remove("cognito:groups");
        jwt.setClaims(claims);
        jwt.setScopes(null);
        return event;
    }

    /** The same request by a member of the admins group whose token has no admin scope. */
    static APIGatewayV2HTTPEvent asGroupAdmin(APIGatewayV2HTTPEvent event) {
        asCustomer(event);
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        var claims = new HashMap<>(jwt.getClaims());
        claims.put("cognito:groups", "[admins]");
        jwt.setClaims(claims);
        return event;
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
