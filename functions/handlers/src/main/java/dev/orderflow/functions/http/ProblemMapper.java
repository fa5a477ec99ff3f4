package dev.orderflow.functions.http;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.DomainException;
import dev.orderflow.domain.error.IdempotencyKeyReused;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.error.Unauthenticated;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place where failures become HTTP problems (STYLE.md section 5): domain errors map to
 * their 4xx/503, anything else is a bug, logged once with its stack, and answered with a 500 that
 * leaks nothing.
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {}

    /** The problem for a failure raised while serving the request with the given id. */
    public static Problem toProblem(RuntimeException failure, String requestId) {
        if (failure instanceof InvalidInput invalid) {
            List<Problem.FieldError> errors =
                    invalid.violations().stream()
                            .map(v -> new Problem.FieldError(v.field(), v.reason()))
                            .toList();
            return problem(
                    invalid,
                    400,
                    "The request is not valid",
                    invalid.getMessage(),
                    requestId,
                    errors);
        }
        if (failure instanceof Unauthenticated unauthenticated) {
            return problem(
                    unauthenticated,
                    401,
                    "Authentication required",
                    unauthenticated.getMessage(),
                    requestId,
                    List.of());
        }
        if (failure instanceof OrderNotFound notFound) {
            return problem(
                    notFound, 404, "Order not found", notFound.getMessage(), requestId, List.of());
        }
        if (failure instanceof InvalidStateTransition conflict) {
            return problem(
                    conflict,
                    409,
                    "The order's state does not allow this",
                    conflict.getMessage(),
                    requestId,
                    List.of());
        }
        if (failure instanceof InsufficientStock shortage) {
            return problem(
                    shortage, 422, "Not enough stock", shortage.getMessage(), requestId, List.of());
        }
        if (failure instanceof IdempotencyKeyReused reused) {
            return problem(
                    reused,
                    422,
                    "Idempotency-Key reused",
                    reused.getMessage(),
                    requestId,
                    List.of());
        }
        if (failure instanceof DependencyUnavailable down) {
            LOG.warn("dependency unavailable: {}", down.getMessage(), down.getCause());
            return problem(
                    down,
                    503,
                    "A dependency is unavailable",
                    "Try again shortly.",
                    requestId,
                    List.of());
        }
        LOG.error("unexpected failure", failure);
        return new Problem(
                URI.create(Problem.TYPE_BASE + "internal-error"),
                "Internal error",
                500,
                "An unexpected error occurred; quote the instance when reporting it.",
                requestId,
                List.of());
    }

    private static Problem problem(
            DomainException e,
            int status,
            String title,
            String detail,
            String requestId,
            List<Problem.FieldError> errors) {
        return new Problem(
                URI.create(Problem.TYPE_BASE + kebab(e.code())),
                title,
                status,
                detail,
                requestId,
                errors);
    }

    /** {@code InvalidInput} becomes {@code invalid-input}. */
    static String kebab(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
