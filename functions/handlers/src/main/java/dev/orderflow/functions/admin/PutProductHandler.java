package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.ManageCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code PUT /admin/products/{sku}}: creates the product (201) or replaces its name, price and
 * active flag (200). Idempotent: the same PUT again leaves the same product.
 */
public final class PutProductHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManageCatalog catalog;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public PutProductHandler() {
        this(AdminWiring.manageCatalog(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public PutProductHandler(ManageCatalog catalog, HandlerMetrics metrics) {
        this(catalog, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public PutProductHandler(ManageCatalog catalog, HandlerMetrics metrics, OriginCheck origin) {
        this.catalog = catalog;
        this.endpoint = new HttpEndpoint("PUT /admin/products/{sku}", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::put);
    }

    private APIGatewayV2HTTPResponse put(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        Sku sku = new Sku(AdminRequests.path(event, "sku"));
        var product = RequestBodies.read(event, PutProductRequest.class).toProduct(sku);
        ManageCatalog.Saved saved = catalog.put(admin, product);
        return SavedResponses.saved(
                saved.created(),
                AdminJson.ProductJson.from(saved.product()),
                "/admin/products/" + sku.value());
    }
}
