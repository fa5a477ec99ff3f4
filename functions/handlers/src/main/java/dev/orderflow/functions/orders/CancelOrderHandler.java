package dev.orderflow.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.order.CancelOrder;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import org.slf4j.MDC;

/**
 * {@code POST /orders/{id}/cancel}: asks to cancel an order that has not shipped. Answers 202 with
 * the order: the saga compensates (refund, release) and closes it as CANCELLED. Asking again
 * answers the same; a shipped or rejected order answers 409.
 */
public final class CancelOrderHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CancelOrder cancelOrder;
    private final HandlerMetrics metrics;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public CancelOrderHandler() {
        this(AwsWiring.cancelOrder(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public CancelOrderHandler(CancelOrder cancelOrder, HandlerMetrics metrics) {
        this(cancelOrder, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public CancelOrderHandler(CancelOrder cancelOrder, HandlerMetrics metrics, OriginCheck origin) {
        this.cancelOrder = cancelOrder;
        this.metrics = metrics;
        this.endpoint = new HttpEndpoint("POST /orders/{id}/cancel", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::cancel);
    }

    private APIGatewayV2HTTPResponse cancel(APIGatewayV2HTTPEvent event) {
        var caller = JwtCallers.from(event);
        OrderId id = OrderPaths.orderId(event);
        MDC.put("orderId", id.value());
        Order order = cancelOrder.cancel(caller, id);
        metrics.count("CancellationsRequested", order.status() == OrderStatus.CANCELLING ? 1 : 0);
        return HttpResponses.json(202, OrderJson.from(order));
    }
}
