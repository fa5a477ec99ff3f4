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
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code PUT /admin/stock/{sku}/shards}: splits a hot product's units at every center over {@code
 * shards} stock shards (1 to 64) while it sells; answers the stock afterwards.
 */
public final class ReshardStockHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AdjustStock stock;
    private final HandlerMetrics metrics;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ReshardStockHandler() {
        this(AdminWiring.adjustStock(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ReshardStockHandler(AdjustStock stock, HandlerMetrics metrics) {
        this(stock, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ReshardStockHandler(AdjustStock stock, HandlerMetrics metrics, OriginCheck origin) {
        this.stock = stock;
        this.metrics = metrics;
        this.endpoint = new HttpEndpoint("PUT /admin/stock/{sku}/shards", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::reshard);
    }

    private APIGatewayV2HTTPResponse reshard(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        Sku sku = new Sku(AdminRequests.path(event, "sku"));
        int shards = RequestBodies.read(event, ReshardStockRequest.class).requiredShards();
        var positions = stock.reshard(admin, sku, shards);
        metrics.count("StockReshards", 1);
        return HttpResponses.json(200, AdminJson.StockJson.from(sku, shards, positions));
    }
}
