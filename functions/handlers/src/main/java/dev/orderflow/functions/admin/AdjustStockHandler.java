package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.inventory.AdjustStock;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code POST /admin/stock/{sku}/{centerId}/adjustments}: adds {@code delta} units (negative to
 * remove) atomically; answers the position after it, or 422 if it would go below zero.
 */
public final class AdjustStockHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AdjustStock stock;
    private final HandlerMetrics metrics;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public AdjustStockHandler() {
        this(AdminWiring.adjustStock(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public AdjustStockHandler(AdjustStock stock, HandlerMetrics metrics) {
        this(stock, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public AdjustStockHandler(AdjustStock stock, HandlerMetrics metrics, OriginCheck origin) {
        this.stock = stock;
        this.metrics = metrics;
        this.endpoint =
                new HttpEndpoint("POST /admin/stock/{sku}/{centerId}/adjustments", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::adjust);
    }

    private APIGatewayV2HTTPResponse adjust(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        Sku sku = new Sku(AdminRequests.path(event, "sku"));
        CenterId center = new CenterId(AdminRequests.path(event, "centerId"));
        int delta = RequestBodies.read(event, AdjustStockRequest.class).requiredDelta();
        var position = stock.adjust(admin, sku, center, delta);
        metrics.count("StockAdjustments", 1);
        return HttpResponses.json(200, AdminJson.StockPositionJson.from(position));
    }
}
