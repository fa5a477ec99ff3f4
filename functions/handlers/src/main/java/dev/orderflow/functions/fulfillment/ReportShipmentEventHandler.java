package dev.orderflow.functions.fulfillment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.ShipmentNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.shipping.ReportShipmentEvent;
import dev.orderflow.domain.shipping.WarehouseEvent;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.HttpResponses;
import dev.orderflow.functions.http.JwtCallers;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.RequestBodies;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.WorkerWiring;
import java.util.Map;
import org.slf4j.MDC;

/**
 * {@code POST /warehouse/shipments/{orderId}/{centerId}/events}: a center's warehouse system (scope
 * {@code orderflow/warehouse}) reports on a shipment it accepted; the report reaches the waiting
 * saga step ({@code SendTaskSuccess} / {@code SendTaskFailure} / {@code SendTaskHeartbeat}). 200
 * when delivered, 404 for a shipment never handed to that center, 409 once the step is settled.
 */
public final class ReportShipmentEventHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** What a delivered report is answered with. */
    record Delivered(String orderId, String centerId, String type) {}

    private final ReportShipmentEvent reports;
    private final HandlerMetrics metrics;
    private final HttpEndpoint endpoint;

    /** For Lambda. */
    public ReportShipmentEventHandler() {
        this(WorkerWiring.reportShipmentEvent(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ReportShipmentEventHandler(ReportShipmentEvent reports, HandlerMetrics metrics) {
        this(reports, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ReportShipmentEventHandler(
            ReportShipmentEvent reports, HandlerMetrics metrics, OriginCheck origin) {
        this.reports = reports;
        this.metrics = metrics;
        this.endpoint =
                new HttpEndpoint(
                        "POST /warehouse/shipments/{orderId}/{centerId}/events", metrics, origin);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, this::report);
    }

    private APIGatewayV2HTTPResponse report(APIGatewayV2HTTPEvent event) {
        Caller caller = JwtCallers.from(event);
        Map<String, String> path =
                event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        String rawOrder = path.getOrDefault("orderId", "");
        String rawCenter = path.getOrDefault("centerId", "");
        OrderId order;
        CenterId center;
        try {
            order = new OrderId(rawOrder);
            center = new CenterId(rawCenter);
        } catch (InvalidInput e) {
            // Ids we could never have issued name no shipment: 404 without detail.
            throw new ShipmentNotFound(rawOrder, rawCenter);
        }
        MDC.put("orderId", order.value());
        ShipmentEventRequest body = RequestBodies.read(event, ShipmentEventRequest.class);
        WarehouseEvent reported = body.toEvent();
        reports.report(caller, order, center, reported);
        metrics.count("WarehouseReports", 1);
        return HttpResponses.json(200, new Delivered(order.value(), center.value(), body.type()));
    }
}
