package dev.orderflow.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.BrowseOrdersByStatus;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.QueryParameters;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.orders.OrderViews;
import dev.orderflow.functions.wiring.AdminWiring;
import dev.orderflow.functions.wiring.AwsWiring;
import java.util.EnumSet;
import java.util.Locale;

/**
 * {@code GET /admin/orders?status=&limit=&cursor=}: every customer's orders in one state, most
 * recently changed first.
 */
public final class ListOrdersByStatusHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final BrowseOrdersByStatus orders;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ListOrdersByStatusHandler() {
        this(AdminWiring.browseOrdersByStatus(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ListOrdersByStatusHandler(BrowseOrdersByStatus orders, HandlerMetrics metrics) {
        this(orders, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ListOrdersByStatusHandler(
            BrowseOrdersByStatus orders, HandlerMetrics metrics, OriginCheck origin) {
        this.orders = orders;
        this.endpoint = new HttpEndpoint("GET /admin/orders", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        var admin = AdminRequests.admin(event);
        OrderStatus status = status(new QueryParameters(event.getQueryStringParameters()));
        Page<Order> page = orders.list(admin, status, AdminRequests.page(event));
        return HttpResponses.json(
                200,
                new AdminJson.PageJson(
                        page.items().stream().map(OrderViews::json).toList(),
                        page.next().map(Cursor.After::token).orElse(null)));
    }

    private static OrderStatus status(QueryParameters query) {
        String raw =
                query.text("status")
                        .orElseThrow(
                                () ->
                                        InvalidInput.of(
                                                "status",
                                                "is required, one of "
                                                        + EnumSet.allOf(OrderStatus.class)));
        try {
            return OrderStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("status", "must be one of " + EnumSet.allOf(OrderStatus.class));
        }
    }
}
