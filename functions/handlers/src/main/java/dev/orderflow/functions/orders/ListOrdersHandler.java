package dev.orderflow.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.ListOrders;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.OrderView;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.QueryParameters;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /orders?limit=&cursor=&status=}: the caller's orders, newest first: the live ones,
 * then the archived ones.
 */
public final class ListOrdersHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderPageJson(List<OrderJson> items, String nextCursor) {}

    private final ListOrders listOrders;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ListOrdersHandler() {
        this(AwsWiring.listOrders(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ListOrdersHandler(ListOrders listOrders, HandlerMetrics metrics) {
        this(listOrders, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ListOrdersHandler(ListOrders listOrders, HandlerMetrics metrics, OriginCheck origin) {
        this.listOrders = listOrders;
        this.endpoint = new HttpEndpoint("GET /orders", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::list);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        var caller = JwtCallers.from(event);
        var query = new QueryParameters(event.getQueryStringParameters());
        Cursor cursor = query.text("cursor").<Cursor>map(Cursor.After::new).orElse(Cursor.first());
        var page = new PageRequest(query.integer("limit", PageRequest.DEFAULT_LIMIT), cursor);
        Page<OrderView> orders = listOrders.list(caller, statuses(query), page);
        return HttpResponses.json(
                200,
                new OrderPageJson(
                        orders.items().stream().map(OrderJson::from).toList(),
                        orders.next().map(Cursor.After::token).orElse(null)));
    }

    /** {@code status=PENDING,SHIPPED}; absent means every state. */
    private static Set<OrderStatus> statuses(QueryParameters query) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        for (String raw : query.text("status").map(s -> s.split(",")).orElse(new String[0])) {
            try {
                statuses.add(OrderStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of(
                        "status", "must be one of " + EnumSet.allOf(OrderStatus.class));
            }
        }
        return statuses;
    }
}
