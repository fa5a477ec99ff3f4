package dev.orderflow.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.ViewOrder;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;

/**
 * {@code GET /orders/{id}}: one order, for its owner or an admin; everyone else gets 404. An order
 * whose retention ran out is answered from its customer's archive.
 */
public final class GetOrderHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ViewOrder viewOrder;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public GetOrderHandler() {
        this(AwsWiring.viewOrder(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public GetOrderHandler(ViewOrder viewOrder, HandlerMetrics metrics) {
        this(viewOrder, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public GetOrderHandler(ViewOrder viewOrder, HandlerMetrics metrics, OriginCheck origin) {
        this.viewOrder = viewOrder;
        this.endpoint = new HttpEndpoint("GET /orders/{id}", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::get);
    }

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        var caller = JwtCallers.from(event);
        OrderId id = OrderPaths.orderId(event);
        return HttpResponses.json(200, OrderJson.from(viewOrder.history(caller, id)));
    }
}
