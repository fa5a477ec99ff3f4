package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.inventory.AdjustStock;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code GET /admin/stock/{sku}}: the product's available and reserved units per center (summed
 * over its stock shards) and its shard count.
 */
public final class GetStockHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AdjustStock stock;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public GetStockHandler() {
        this(AdminWiring.adjustStock(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public GetStockHandler(AdjustStock stock, HandlerMetrics metrics) {
        this(stock, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public GetStockHandler(AdjustStock stock, HandlerMetrics metrics, OriginCheck origin) {
        this.stock = stock;
        this.endpoint = new HttpEndpoint("GET /admin/stock/{sku}", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::get);
    }

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        Sku sku = new Sku(AdminRequests.path(event, "sku"));
        var positions = stock.positions(admin, sku);
        return HttpResponses.json(
                200, AdminJson.StockJson.from(sku, stock.shardCount(admin, sku), positions));
    }
}
