package dev.orderflow.domain.payment;

import java.util.Objects;

/** How a charge ended, when the provider answered. */
public sealed interface PaymentOutcome {

    /** Money was taken; the id refunds it. */
    record Approved(String paymentId) implements PaymentOutcome {
        public Approved {
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }

    /** The provider refused for good (card declined, fraud, limit): retrying will not help. */
    record Declined(String reason) implements PaymentOutcome {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
