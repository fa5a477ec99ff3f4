package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.identity.Admins;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.QueryParameters;
import java.util.Map;

/** What every admin route reads from its request before anything else. */
final class AdminRequests {

    private AdminRequests() {}

    /**
     * The caller, checked to be an admin before the request is read any further, so a non-admin
     * gets 403 whatever else is wrong with the request.
     */
    static Caller admin(APIGatewayV2HTTPEvent event) {
        return Admins.require(JwtCallers.from(event));
    }

    /** A path parameter; API Gateway always sends the ones its route key names. */
    static String path(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> path =
                event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        String value = path.get(name);
        if (value == null || value.isEmpty()) {
            throw InvalidInput.of(name, "is required");
        }
        return value;
    }

    /** {@code limit} and {@code cursor} query parameters. */
    static PageRequest page(APIGatewayV2HTTPEvent event) {
        var query = new QueryParameters(event.getQueryStringParameters());
        Cursor cursor = query.text("cursor").<Cursor>map(Cursor.After::new).orElse(Cursor.first());
        return new PageRequest(query.integer("limit", PageRequest.DEFAULT_LIMIT), cursor);
    }
}
