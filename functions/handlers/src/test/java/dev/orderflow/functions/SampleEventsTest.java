package dev.orderflow.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.SampleRoutes;
import dev.orderflow.functions.support.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every HTTP sample event in {@code events/} through the handler of its route. */
class SampleEventsTest {

    /** The status each sample event must produce; a new event file must be added here. */
    private static final Map<String, Integer> EXPECTED_STATUS =
            Map.ofEntries(
                    Map.entry("apigw-get-health.json", 200),
                    Map.entry("apigw-get-health-ready.json", 200),
                    Map.entry("apigw-get-me-admin.json", 200),
                    Map.entry("apigw-get-me-customer.json", 200),
                    Map.entry("apigw-get-products.json", 200),
                    Map.entry("apigw-get-products-invalid-limit.json", 400),
                    Map.entry("apigw-get-products-foreign-cursor.json", 400),
                    Map.entry("apigw-post-orders.json", 202),
                    Map.entry("apigw-post-orders-invalid-items.json", 400),
                    Map.entry("apigw-post-orders-missing-idempotency-key.json", 400),
                    Map.entry("apigw-get-order.json", 200),
                    Map.entry("apigw-get-orders.json", 200),
                    Map.entry("apigw-get-orders-unknown-status.json", 400),
                    Map.entry("apigw-get-order-of-another-customer.json", 404),
                    Map.entry("apigw-post-order-cancel.json", 202),
                    Map.entry("apigw-admin-get-products.json", 200),
                    Map.entry("apigw-admin-get-products-as-customer.json", 403),
                    Map.entry("apigw-admin-put-product.json", 201),
                    Map.entry("apigw-admin-put-product-invalid-price.json", 400),
                    Map.entry("apigw-admin-get-centers.json", 200),
                    Map.entry("apigw-admin-put-center.json", 200),
                    Map.entry("apigw-admin-put-center-with-warehouse.json", 200),
                    Map.entry("apigw-admin-put-center-invalid-warehouse.json", 400),
                    Map.entry("apigw-admin-put-center-with-home-region.json", 200),
                    Map.entry("apigw-admin-put-center-invalid-home-region.json", 400),
                    Map.entry("apigw-post-warehouse-shipment-event.json", 200),
                    Map.entry("apigw-post-warehouse-shipment-event-invalid-type.json", 400),
                    Map.entry("apigw-post-warehouse-shipment-event-unknown-shipment.json", 404),
                    Map.entry("apigw-post-warehouse-shipment-event-as-customer.json", 403),
                    Map.entry("apigw-admin-get-stock.json", 200),
                    Map.entry("apigw-admin-get-stock-unknown-product.json", 404),
                    Map.entry("apigw-admin-post-stock-adjustment.json", 200),
                    Map.entry("apigw-admin-post-stock-adjustment-below-zero.json", 422),
                    Map.entry("apigw-admin-put-stock-shards.json", 200),
                    Map.entry("apigw-admin-get-orders.json", 200),
                    Map.entry("apigw-admin-get-orders-missing-status.json", 400));

    static java.util.List<String> httpEvents() {
        return SampleEvents.named("apigw-");
    }

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        assertThat(httpEvents()).containsExactlyInAnyOrderElementsOf(EXPECTED_STATUS.keySet());
    }

    @ParameterizedTest
    @MethodSource("httpEvents")
    void sampleEvent_producesItsExpectedStatusAndAJsonBody(String file) throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.http(file);

        APIGatewayV2HTTPResponse response =
                SampleRoutes.handlerFor(event.getRouteKey())
                        .handleRequest(event, new TestContext("req"));

        assertThat(response.getStatusCode()).isEqualTo(EXPECTED_STATUS.get(file));
        assertThat(new ObjectMapper().readTree(response.getBody()).isObject()).isTrue();
    }
}
