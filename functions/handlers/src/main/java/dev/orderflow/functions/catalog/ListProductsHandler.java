package dev.orderflow.functions.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.BrowseCatalog;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.QueryParameters;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;

/** {@code GET /products?limit=&cursor=}: the public catalog, a page at a time. */
public final class ListProductsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final BrowseCatalog browseCatalog;
    private final HttpEndpoint endpoint;
    private final HandlerMetrics metrics;

    /** For Lambda: the real client graph, built once per execution environment. */
    public ListProductsHandler() {
        this(AwsWiring.browseCatalog(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ListProductsHandler(BrowseCatalog browseCatalog, HandlerMetrics metrics) {
        this(browseCatalog, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ListProductsHandler(
            BrowseCatalog browseCatalog, HandlerMetrics metrics, OriginCheck origin) {
        this.browseCatalog = browseCatalog;
        this.metrics = metrics;
        this.endpoint = new HttpEndpoint("GET /products", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        var query = new QueryParameters(event.getQueryStringParameters());
        Cursor cursor = query.text("cursor").<Cursor>map(Cursor.After::new).orElse(Cursor.first());
        var request = new PageRequest(query.integer("limit", PageRequest.DEFAULT_LIMIT), cursor);
        Page<Product> page = browseCatalog.browse(request);
        metrics.count("ProductsListed", page.items().size());
        return HttpResponses.json(200, ProductPageJson.from(page));
    }
}
