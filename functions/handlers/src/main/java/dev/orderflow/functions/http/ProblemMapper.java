package dev.orderflow.functions.http;

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
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place where failures become HTTP problems (CONTRIBUTING.md, Errors): each domain error
 * has its status and title, anything else is a bug, logged once with its stack, and answered with a
 * 500 that leaks nothing.
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** How a kind of domain error is answered. */
    private record Kind(int status, String title) {}

    /** One entry per permitted subclass of {@link DomainException}; a test keeps it complete. */
    private static final Map<Class<? extends DomainException>, Kind> KINDS =
            Map.ofEntries(
                    Map.entry(InvalidInput.class, new Kind(400, "The request is not valid")),
                    Map.entry(Unauthenticated.class, new Kind(401, "Authentication required")),
                    Map.entry(Forbidden.class, new Kind(403, "Not allowed")),
                    Map.entry(OrderNotFound.class, new Kind(404, "Order not found")),
                    Map.entry(ProductNotFound.class, new Kind(404, "Product not found")),
                    Map.entry(
                            FulfillmentCenterNotFound.class,
                            new Kind(404, "Fulfillment center not found")),
                    Map.entry(ShipmentNotFound.class, new Kind(404, "Shipment not found")),
                    Map.entry(
                            ShipmentSettled.class,
                            new Kind(409, "The shipment's step is settled already")),
                    Map.entry(
                            InvalidStateTransition.class,
                            new Kind(409, "The order's state does not allow this")),
                    Map.entry(HomedInAnotherRegion.class, new Kind(409, "Homed in another region")),
                    Map.entry(InsufficientStock.class, new Kind(422, "Not enough stock")),
                    Map.entry(IdempotencyKeyReused.class, new Kind(422, "Idempotency-Key reused")),
                    Map.entry(
                            DependencyUnavailable.class,
                            new Kind(503, "A dependency is unavailable")));

    private ProblemMapper() {}

    /** The problem for a failure raised while serving the request with the given id. */
    public static Problem toProblem(RuntimeException failure, String requestId) {
        Kind kind = failure instanceof DomainException ? KINDS.get(failure.getClass()) : null;
        if (kind == null) {
            LOG.error("unexpected failure", failure);
            return new Problem(
                    URI.create(Problem.TYPE_BASE + "internal-error"),
                    "Internal error",
                    500,
                    "An unexpected error occurred; quote the instance when reporting it.",
                    requestId);
        }
        DomainException error = (DomainException) failure;
        String detail = error.getMessage();
        if (error instanceof DependencyUnavailable) {
            LOG.warn("dependency unavailable: {}", error.getMessage(), error.getCause());
            detail = "Try again shortly."; // which store failed is ours to know, not the caller's
        }
        List<Problem.FieldError> errors =
                error instanceof InvalidInput invalid
                        ? invalid.violations().stream()
                                .map(v -> new Problem.FieldError(v.field(), v.reason()))
                                .toList()
                        : List.of();
        return new Problem(
                URI.create(Problem.TYPE_BASE + kebab(error.code())),
                kind.title(),
                kind.status(),
                detail,
                requestId,
                errors,
                error instanceof HomedInAnotherRegion elsewhere ? elsewhere.homeRegion() : null);
    }

    /** {@code InvalidInput} becomes {@code invalid-input}. */
    static String kebab(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
