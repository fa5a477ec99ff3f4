package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** Builds API Gateway (payload format 2.0) responses with the right content types. */
public final class HttpResponses {

    private HttpResponses() {}

    /** A JSON response. */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(body))
                .build();
    }

    /** An {@code application/problem+json} response. */
    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withBody(Json.write(problem))
                .build();
    }
}
