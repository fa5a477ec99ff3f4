package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.ManageCatalog;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/** {@code GET /admin/products?limit=&cursor=}: every product, inactive ones included. */
public final class ListAllProductsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManageCatalog catalog;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ListAllProductsHandler() {
        this(AdminWiring.manageCatalog(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ListAllProductsHandler(ManageCatalog catalog, HandlerMetrics metrics) {
        this(catalog, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ListAllProductsHandler(
            ManageCatalog catalog, HandlerMetrics metrics, OriginCheck origin) {
        this.catalog = catalog;
        this.endpoint = new HttpEndpoint("GET /admin/products", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        Page<Product> page = catalog.list(admin, AdminRequests.page(event));
        return HttpResponses.json(
                200,
                new AdminJson.PageJson(
                        page.items().stream().map(AdminJson.ProductJson::from).toList(),
                        page.next().map(Cursor.After::token).orElse(null)));
    }
}
