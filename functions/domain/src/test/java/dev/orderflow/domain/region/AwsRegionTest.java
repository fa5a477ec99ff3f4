package dev.orderflow.domain.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsRegionTest {

    private static final AwsRegion FRANKFURT = new AwsRegion("eu-central-1");
    private static final AwsRegion VIRGINIA = new AwsRegion("us-east-1");
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"eu-central-1", "us-east-1", "ap-southeast-2", "us-gov-west-1"})
    void names_ofAwsRegions_areAccepted(String name) {
        assertThat(new AwsRegion(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "EU-CENTRAL-1", "eu-central", "DE-BY", "eu_central_1", "eu-central-1 "})
    void otherText_isInvalidInput_onTheHomeRegionField(String name) {
        assertThatThrownBy(() -> new AwsRegion(name))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("homeRegion"));
    }

    @Test
    void somethingWithoutAHome_isHomedEverywhere() {
        assertThat(FRANKFURT.isHomeOf(Optional.empty())).isTrue();
        assertThat(FRANKFURT.isHomeOf(Optional.of(FRANKFURT))).isTrue();
        assertThat(FRANKFURT.isHomeOf(Optional.of(VIRGINIA))).isFalse();
    }

    @Test
    void anOrder_keepsItsHome_throughEveryChange_andWhenReplayedAsPlaced() {
        Order placed = order(Optional.of(VIRGINIA));

        Order cancelling = placed.cancelRequested(NOW.plusSeconds(1));

        assertThat(cancelling.homeRegion()).contains(VIRGINIA);
        assertThat(cancelling.asPlaced().homeRegion()).contains(VIRGINIA);
        assertThat(cancelling.isHomedIn(VIRGINIA)).isTrue();
        assertThat(cancelling.isHomedIn(FRANKFURT)).isFalse();
        assertThatThrownBy(() -> cancelling.requireHomedIn(FRANKFURT))
                .isInstanceOfSatisfying(
                        HomedInAnotherRegion.class,
                        e -> assertThat(e.homeRegion()).isEqualTo("us-east-1"));
    }

    @Test
    void anOrderPlacedBeforeHomes_isHomedInEveryRegion() {
        Order legacy = order(Optional.empty());

        assertThat(legacy.isHomedIn(FRANKFURT)).isTrue();
        assertThat(legacy.isHomedIn(VIRGINIA)).isTrue();
    }

    @Test
    void aCenter_isHomedWhereItSays_orEverywhere() {
        FulfillmentCenter everywhere =
                new FulfillmentCenter(new CenterId("FC-MUC"), "Munich", Map.of("DE-BY", 10));
        FulfillmentCenter virginia =
                new FulfillmentCenter(
                        new CenterId("FC-NYC"),
                        "New York",
                        Map.of("US-NY", 10),
                        FulfillmentCenter.DEFAULT_HANDLING_TIME,
                        new WarehouseLink.None(),
                        Optional.of(VIRGINIA));

        assertThat(everywhere.isHomedIn(FRANKFURT)).isTrue();
        assertThat(virginia.isHomedIn(VIRGINIA)).isTrue();
        assertThat(virginia.isHomedIn(FRANKFURT)).isFalse();
        assertThatThrownBy(() -> virginia.requireHomedIn(FRANKFURT))
                .isInstanceOf(HomedInAnotherRegion.class)
                .hasMessageContaining("FC-NYC")
                .hasMessageContaining("us-east-1");
    }

    private static Order order(Optional<AwsRegion> home) {
        return Order.place(
                OrderId.random(),
                "alice",
                List.of(new OrderLine(new Sku("MUG"), 1)),
                new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                Money.ofMinor(1250, "EUR"),
                NOW,
                home);
    }
}
