package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.centers.ManageCenters;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/** {@code GET /admin/centers}: every fulfillment center, ordered by id (a few dozen: unpaged). */
public final class ListCentersHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManageCenters centers;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ListCentersHandler() {
        this(AdminWiring.manageCenters(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ListCentersHandler(ManageCenters centers, HandlerMetrics metrics) {
        this(centers, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ListCentersHandler(ManageCenters centers, HandlerMetrics metrics, OriginCheck origin) {
        this.centers = centers;
        this.endpoint = new HttpEndpoint("GET /admin/centers", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        return HttpResponses.json(
                200,
                new AdminJson.ListJson(
                        centers.list(admin).stream().map(AdminJson.CenterJson::from).toList()));
    }
}
