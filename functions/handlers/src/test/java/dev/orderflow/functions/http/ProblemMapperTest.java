package dev.orderflow.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.DomainException;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.FulfillmentCenterNotFound;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.IdempotencyKeyReused;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.error.ProductNotFound;
import dev.orderflow.domain.error.ShipmentNotFound;
import dev.orderflow.domain.error.ShipmentSettled;
import dev.orderflow.domain.error.Unauthenticated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    /** One example of every permitted domain error, with the status it must map to. */
    private static final Map<DomainException, Integer> EXAMPLES =
            Map.ofEntries(
                    Map.entry(InvalidInput.of("limit", "bad"), 400),
                    Map.entry(new Unauthenticated("no token"), 401),
                    Map.entry(new Forbidden("not an admin"), 403),
                    Map.entry(new OrderNotFound("o-1"), 404),
                    Map.entry(new ProductNotFound("MUG"), 404),
                    Map.entry(new FulfillmentCenterNotFound("FC-1"), 404),
                    Map.entry(new ShipmentNotFound("o-1", "FC-1"), 404),
                    Map.entry(new ShipmentSettled("o-1", "FC-1"), 409),
                    Map.entry(new InvalidStateTransition("o-1", "SHIPPED", "CANCELLING"), 409),
                    Map.entry(new HomedInAnotherRegion("order", "o-1", "us-east-1"), 409),
                    Map.entry(
                            new InsufficientStock(
                                    List.of(new InsufficientStock.Shortfall("MUG", 2, 1))),
                            422),
                    Map.entry(new IdempotencyKeyReused("k-1"), 422),
                    Map.entry(
                            new DependencyUnavailable("orders table", new RuntimeException()),
                            503));

    @Test
    void homedInAnotherRegion_namesTheHomeRegion_inItsOwnMember() {
        Problem problem =
                ProblemMapper.toProblem(
                        new HomedInAnotherRegion("fulfillment center", "FC-NYC", "us-east-1"),
                        "req-1");

        assertThat(problem.homeRegion()).isEqualTo("us-east-1");
        assertThat(problem.type().toString())
                .isEqualTo("https://orderflow.dev/problems/homed-in-another-region");
        assertThat(ProblemMapper.toProblem(new OrderNotFound("o-1"), "r").homeRegion()).isNull();
    }

    @Test
    void everyDomainError_mapsToItsOwnStatusAndType_neverTo500() {
        List<Class<?>> covered =
                EXAMPLES.keySet().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(covered)
                .containsExactlyInAnyOrder(DomainException.class.getPermittedSubclasses());
        EXAMPLES.forEach(
                (error, status) -> {
                    Problem problem = ProblemMapper.toProblem(error, "req-9");
                    assertThat(problem.status()).as(error.code()).isEqualTo(status);
                    assertThat(problem.type().toString())
                            .isEqualTo(Problem.TYPE_BASE + ProblemMapper.kebab(error.code()));
                    assertThat(problem.instance()).isEqualTo("req-9");
                });
    }

    @Test
    void kebab_turnsCodesIntoUriSegments() {
        assertThat(ProblemMapper.kebab("InvalidStateTransition"))
                .isEqualTo("invalid-state-transition");
        assertThat(ProblemMapper.kebab("OrderNotFound")).isEqualTo("order-not-found");
    }
}
