package dev.orderflow.functions.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code GET /health}: liveness of the API and its functions. It touches no dependency on purpose,
 * so a load balancer or uptime check never amplifies load on DynamoDB.
 */
public final class HealthHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    record HealthJson(String status, String service) {}

    private final HttpEndpoint endpoint;
    private final String service;

    /** For Lambda. */
    public HealthHandler() {
        this(AwsWiring.metrics(), AwsWiring.serviceName(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public HealthHandler(HandlerMetrics metrics, String service) {
        this(metrics, service, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public HealthHandler(HandlerMetrics metrics, String service, OriginCheck origin) {
        this.endpoint = new HttpEndpoint("GET /health", metrics, origin);
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(
                event, context, e -> HttpResponses.json(200, new HealthJson("UP", service)));
    }
}
