package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.functions.http.HttpResponses;
import java.util.Map;

/** How an idempotent admin {@code PUT} answers once the resource is saved. */
final class SavedResponses {

    private SavedResponses() {}

    /**
     * 201 with a {@code Location} header when the PUT created the resource, 200 when it replaced
     * it; the body is the resource as saved either way.
     */
    static APIGatewayV2HTTPResponse saved(boolean created, Object body, String location) {
        APIGatewayV2HTTPResponse response = HttpResponses.json(created ? 201 : 200, body);
        if (created) {
            response.setHeaders(Map.of("Content-Type", "application/json", "Location", location));
        }
        return response;
    }
}
