package dev.orderflow.functions.identity;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import java.util.List;

/** {@code GET /me}: who the token says the caller is, and whether they are an admin. */
public final class DescribeCallerHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    record CallerJson(String subject, List<String> scopes, List<String> groups, boolean admin) {
        static CallerJson from(Caller caller) {
            return new CallerJson(
                    caller.subject(),
                    caller.scopes().stream().sorted().toList(),
                    caller.groups().stream().sorted().toList(),
                    caller.isAdmin());
        }
    }

    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public DescribeCallerHandler() {
        this(AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public DescribeCallerHandler(HandlerMetrics metrics) {
        this(metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public DescribeCallerHandler(HandlerMetrics metrics, OriginCheck origin) {
        this.endpoint = new HttpEndpoint("GET /me", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(
                event, context, e -> HttpResponses.json(200, CallerJson.from(JwtCallers.from(e))));
    }
}
