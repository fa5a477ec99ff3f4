package dev.orderflow.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.DomainException;
import dev.orderflow.domain.error.IdempotencyKeyReused;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.error.Unauthenticated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    /** One example of every permitted domain error, with the status it must map to. */
    private static final Map<DomainException, Integer> EXAMPLES =
            Map.of(
                    InvalidInput.of("limit", "bad"),
                    400,
                    new Unauthenticated("no token"),
                    401,
                    new OrderNotFound("o-1"),
                    404,
                    new InvalidStateTransition("o-1", "SHIPPED", "CANCELLING"),
                    409,
                    new InsufficientStock(List.of(new InsufficientStock.Shortfall("MUG", 2, 1))),
                    422,
                    new IdempotencyKeyReused("k-1"),
                    422,
                    new DependencyUnavailable("orders table", new RuntimeException()),
                    503);

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
