package dev.orderflow.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.PlaceOrder;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import java.util.Map;
import org.slf4j.MDC;

/**
 * {@code POST /orders}: places an order for the caller. Requires an {@code Idempotency-Key} header;
 * a replay with the same key and body answers exactly as the first call did.
 */
public final class PlaceOrderHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    record Accepted(String orderId, String status, OrderJson.PriceJson total, String createdAt) {}

    private final PlaceOrder placeOrder;
    private final HandlerMetrics metrics;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public PlaceOrderHandler() {
        this(AwsWiring.placeOrder(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public PlaceOrderHandler(PlaceOrder placeOrder, HandlerMetrics metrics) {
        this(placeOrder, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public PlaceOrderHandler(PlaceOrder placeOrder, HandlerMetrics metrics, OriginCheck origin) {
        this.placeOrder = placeOrder;
        this.metrics = metrics;
        this.endpoint = new HttpEndpoint("POST /orders", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::place);
    }

    private APIGatewayV2HTTPResponse place(APIGatewayV2HTTPEvent event) {
        var caller = JwtCallers.from(event);
        String key = header(event, "idempotency-key");
        PlaceOrderRequest request = RequestBodies.read(event, PlaceOrderRequest.class);
        var command =
                new PlaceOrder.Command(caller, key, request.lines(), request.shippingAddress());
        PlaceOrder.Result result = placeOrder.place(command);
        var order = result.order();
        MDC.put("orderId", order.id().value());
        if (!result.replayed()) {
            metrics.count("OrdersPlaced", 1);
        }
        APIGatewayV2HTTPResponse response =
                HttpResponses.json(
                        202,
                        new Accepted(
                                order.id().value(),
                                order.status().name(),
                                OrderJson.price(order.total()),
                                order.createdAt().toString()));
        response.setHeaders(
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Location",
                        "/orders/" + order.id().value()));
        return response;
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        // HTTP API lower-cases header names in payload format 2.0.
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String value = headers.get(name);
        if (value == null) {
            throw InvalidInput.of("Idempotency-Key", "header is required");
        }
        return value;
    }
}
