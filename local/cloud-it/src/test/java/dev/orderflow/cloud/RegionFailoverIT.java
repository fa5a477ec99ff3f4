package dev.orderflow.cloud;

import static dev.orderflow.cloud.RegionsFixture.APPROVED;
import static dev.orderflow.cloud.RegionsFixture.EU;
import static dev.orderflow.cloud.RegionsFixture.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region fails and returns (docs/multi-region.md, "When a region fails"): the other region keeps
 * taking and shipping orders for its own centers and answers clearly for the failed region's; when
 * it returns, its in-flight orders finish, no acknowledged order is lost, and writes that waited
 * replicate.
 */
class RegionFailoverIT {

    private RegionsFixture world;

    @BeforeEach
    void boot() {
        world = new RegionsFixture();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void withARegionDown_theOtherKeepsSelling_andWhenItReturnsItsOrdersFinish() {
        SagaFixture eu = world.in(EU);
        SagaFixture us = world.in(US);
        String sku = eu.product(APPROVED);
        String euCenter = eu.homedCenter(EU, 10);
        String usCenter = eu.homedCenter(US, 10);
        world.awaitCatalog(US, sku, euCenter, usCenter);
        eu.stock(sku, euCenter, 20);
        us.stock(sku, usCenter, 20);
        String carol = eu.token("carol-" + world.customers);

        // Orders acknowledged by us-east-1, which fails before their sagas are done.
        List<String> usOrders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            usOrders.add(us.placeOrder(carol, Map.of(sku, 1)));
        }
        world.awaitItem(EU, "DataOrders", SagaFixture.orderKey(usOrders.get(0)));
        world.regions.down(US);

        // eu-central-1 alone: it sells and ships from its own center.
        List<String> euOrders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            euOrders.add(eu.placeOrder(carol, Map.of(sku, 1)));
        }
        assertThat(eu.awaitAllEnded(euOrders, Duration.ofMinutes(3)))
                .as("orders homed in the region that stayed up")
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("SHIPPED"));
        // ... and answers clearly for what only the failed region may change.
        HttpResponse<String> cancel = eu.cancel(carol, usOrders.get(0));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(409);
        assertThat(SagaFixture.json(cancel.body()).get("homeRegion").asText()).isEqualTo(US);
        HttpResponse<String> adjust = world.adjustStock(EU, sku, usCenter, 5);
        assertThat(adjust.statusCode()).as(adjust.body()).isEqualTo(409);
        assertThat(SagaFixture.json(adjust.body()).get("homeRegion").asText()).isEqualTo(US);

        world.regions.up(US);
        SagaFixture usAgain = world.in(US);

        assertThat(usAgain.awaitAllEnded(usOrders, Duration.ofMinutes(3)))
                .as("every order us-east-1 acknowledged before it failed")
                .hasSize(usOrders.size())
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("SHIPPED"));
        assertThat(usAgain.stockOf(sku, usCenter)).containsExactly(12, 0);
        assertThat(eu.stockOf(sku, euCenter)).containsExactly(15, 0);
        // Every order, each region's, is readable in the other once replication caught up.
        for (var home : List.of(Map.entry(usOrders, EU), Map.entry(euOrders, US))) {
            for (String id : home.getKey()) {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(
                                () -> {
                                    HttpResponse<String> read =
                                            world.read(home.getValue(), carol, id);
                                    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                                    JsonNode order = SagaFixture.json(read.body());
                                    assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
                                });
            }
        }
    }
}
