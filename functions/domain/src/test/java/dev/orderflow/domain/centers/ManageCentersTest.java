package dev.orderflow.domain.centers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.testfixtures.InMemoryCenterDirectory;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageCentersTest {

    private static final Caller ADMIN = new Caller("ops", Set.of(Caller.ADMIN_SCOPE), Set.of());
    private static final Caller CUSTOMER = new Caller("alice", Set.of(), Set.of());

    private final InMemoryCenterDirectory directory = new InMemoryCenterDirectory();
    private final ManageCenters manage = new ManageCenters(directory);

    private static FulfillmentCenter center(String id, Map<String, Integer> regions) {
        return new FulfillmentCenter(new CenterId(id), "Center " + id, regions);
    }

    @Test
    void put_createsThenReplaces_andListIsOrderedById() {
        assertThat(manage.put(ADMIN, center("FC-MUC", Map.of("DE-BY", 10))).created()).isTrue();
        assertThat(manage.put(ADMIN, center("FC-BER", Map.of("DE-BE", 5))).created()).isTrue();
        var moved = center("FC-MUC", Map.of("DE-BY", 12, "AT-9", 400));
        assertThat(manage.put(ADMIN, moved).created()).isFalse();

        assertThat(manage.list(ADMIN))
                .extracting(c -> c.id().value())
                .containsExactly("FC-BER", "FC-MUC");
        assertThat(directory.find(new CenterId("FC-MUC"))).contains(moved);
    }

    @Test
    void put_namesEveryBadField() {
        var bad =
                new FulfillmentCenter(
                        new CenterId("FC-X"), " ", Map.of("bavaria", 1, "DE-BY", 99_999));

        assertThatThrownBy(() -> manage.put(ADMIN, bad))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(InvalidInput.Violation::field)
                                        .containsExactlyInAnyOrder(
                                                "name", "regions.bavaria", "regions.DE-BY"));
        assertThat(directory.all()).isEmpty();
    }

    @Test
    void customers_areForbidden() {
        assertThatThrownBy(() -> manage.put(CUSTOMER, center("FC-MUC", Map.of("DE-BY", 1))))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> manage.list(CUSTOMER)).isInstanceOf(Forbidden.class);
    }
}
