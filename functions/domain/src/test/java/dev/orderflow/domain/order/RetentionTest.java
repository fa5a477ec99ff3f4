package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant PLACED = Instant.parse("2026-11-25T10:00:00Z");

    private final Retention retention = Retention.ofDays(365);
    private final Order placed = SampleOrders.placeMugs(new InMemoryOrderRepository(), 1, PLACED);
    private final Allocation allocation =
            new Allocation(
                    List.of(
                            new Shipment(
                                    new CenterId("FC-MUC"),
                                    List.of(new OrderLine(new Sku("MUG"), 1)))));

    @Test
    @DisplayName("a shipped order expires the retention period after it shipped")
    void expiryOf_isRetentionAfterTheLastChange_whenShipped() {
        Instant shippedAt = PLACED.plus(Duration.ofHours(3));
        Order shipped =
                placed.reserved(allocation, PLACED.plusSeconds(1))
                        .paid("pay-1", PLACED.plusSeconds(2))
                        .shipping(PLACED.plusSeconds(3))
                        .shipped(shippedAt);

        assertThat(retention.expiryOf(shipped)).contains(shippedAt.plus(Duration.ofDays(365)));
    }

    @Test
    void expiryOf_isSet_forRejectedAndCancelledOrders() {
        Instant rejectedAt = PLACED.plusSeconds(60);
        Order rejected = placed.rejected("payment declined: card expired", rejectedAt);
        Instant cancelledAt = PLACED.plusSeconds(90);
        Order cancelled = placed.cancelRequested(PLACED.plusSeconds(30)).cancelled(cancelledAt);

        assertThat(retention.expiryOf(rejected)).contains(rejectedAt.plus(Duration.ofDays(365)));
        assertThat(retention.expiryOf(cancelled)).contains(cancelledAt.plus(Duration.ofDays(365)));
    }

    @Test
    @DisplayName("an order that can still change never expires, however old it is")
    void expiryOf_isEmpty_forEveryNonTerminalState() {
        Instant muchLater = PLACED.plus(Duration.ofDays(5000));
        Order reserved = placed.reserved(allocation, muchLater);
        Order paid = reserved.paid("pay-1", muchLater);
        Order shipping = paid.shipping(muchLater);
        Order cancelling = shipping.cancelRequested(muchLater);

        for (Order unfinished : List.of(placed, reserved, paid, shipping, cancelling)) {
            assertThat(retention.expiryOf(unfinished)).as(unfinished.status().name()).isEmpty();
        }
    }

    @Test
    void ofDays_refusesAZeroOrNegativePeriod() {
        assertThatThrownBy(() -> Retention.ofDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retention(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
