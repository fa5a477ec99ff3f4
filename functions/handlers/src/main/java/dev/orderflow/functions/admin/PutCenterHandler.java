package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.ManageCenters;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code PUT /admin/centers/{centerId}}: creates the center (201) or replaces its name, regions,
 * service level and warehouse endpoint (200). Idempotent.
 */
public final class PutCenterHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManageCenters centers;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public PutCenterHandler() {
        this(AdminWiring.manageCenters(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public PutCenterHandler(ManageCenters centers, HandlerMetrics metrics) {
        this(centers, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public PutCenterHandler(ManageCenters centers, HandlerMetrics metrics, OriginCheck origin) {
        this.centers = centers;
        this.endpoint = new HttpEndpoint("PUT /admin/centers/{centerId}", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::put);
    }

    private APIGatewayV2HTTPResponse put(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        CenterId id = new CenterId(AdminRequests.path(event, "centerId"));
        var center = RequestBodies.read(event, PutCenterRequest.class).toCenter(id);
        ManageCenters.Saved saved = centers.put(admin, center);
        return SavedResponses.saved(
                saved.created(),
                AdminJson.CenterJson.from(saved.center()),
                "/admin/centers/" + id.value());
    }
}
