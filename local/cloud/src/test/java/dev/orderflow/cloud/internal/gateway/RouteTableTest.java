package dev.orderflow.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.cloud.internal.template.RouteSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteSpec route(String key) {
        return new RouteSpec(
                key, "fn-" + key, Optional.empty(), "2.0", Optional.empty(), List.of());
    }

    private final RouteTable table =
            new RouteTable(
                    List.of(
                            route("$default"),
                            route("ANY /orders/{proxy+}"),
                            route("GET /orders/{id}"),
                            route("GET /orders/recent"),
                            route("POST /orders")));

    @Test
    void match_prefersTheExactPath_overAParameter() {
        assertThat(table.match("GET", "/orders/recent").orElseThrow().route().routeKey())
                .isEqualTo("GET /orders/recent");
    }

    @Test
    void match_extractsPathParameters() {
        var match = table.match("GET", "/orders/o-42").orElseThrow();

        assertThat(match.route().routeKey()).isEqualTo("GET /orders/{id}");
        assertThat(match.pathParameters()).containsEntry("id", "o-42");
    }

    @Test
    void match_fallsBackToTheGreedyRoute_forDeeperPathsAndOtherMethods() {
        var match = table.match("DELETE", "/orders/o-42/items/1").orElseThrow();

        assertThat(match.route().routeKey()).isEqualTo("ANY /orders/{proxy+}");
        assertThat(match.pathParameters()).containsEntry("proxy", "o-42/items/1");
    }

    @Test
    void match_usesDefault_whenNothingElseMatches() {
        assertThat(table.match("GET", "/nothing").orElseThrow().route().routeKey())
                .isEqualTo("$default");
    }

    @Test
    void match_findsNothing_withoutADefaultRoute() {
        RouteTable strict = new RouteTable(List.of(route("GET /health")));

        assertThat(strict.match("POST", "/health")).isEmpty();
        assertThat(strict.match("GET", "/health/")).isPresent();
    }

    @Test
    void flatten_rendersClaimArraysTheWayApiGatewayDoes() {
        assertThat(HttpEventFactory.flatten(List.of("admins", "staff")))
                .isEqualTo("[admins staff]");
        assertThat(HttpEventFactory.flatten(1795617900L)).isEqualTo("1795617900");
    }

    @Test
    void query_joinsRepeatedKeysWithCommas() {
        assertThat(HttpEventFactory.query("a=1&a=2&b=x%20y"))
                .containsEntry("a", "1,2")
                .containsEntry("b", "x y");
    }
}
