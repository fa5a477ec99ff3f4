package dev.orderflow.domain.error;

import java.util.List;
import java.util.Objects;

/** The caller sent something the domain cannot accept; each violation names its field. */
public final class InvalidInput extends DomainException {

    /** One rejected field and why it was rejected. */
    public record Violation(String field, String reason) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final List<Violation> violations;

    /** Creates a failure for the given violations; there must be at least one. */
    public InvalidInput(List<Violation> violations) {
        super("InvalidInput", describe(violations), null);
        this.violations = List.copyOf(violations);
    }

    /** Shorthand for a single rejected field. */
    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new Violation(field, reason)));
    }

    /** Every rejected field, in the order found. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(v.field()).append(": ").append(v.reason());
        }
        return text.toString();
    }
}
