package dev.orderflow.domain.saga;

import java.util.Objects;

/**
 * What a forward saga step tells the workflow. Business refusals (no stock, card declined) and a
 * customer's cancellation are results, not errors, so the workflow can tell them from a step that
 * failed and may be retried.
 *
 * @param verdict go on, or compensate and close the order
 * @param reason why not, for the order's record; empty when proceeding
 */
public record StepResult(Verdict verdict, String reason) {

    /** Where the workflow goes next. */
    public enum Verdict {
        /** The step did its work: continue forward. */
        PROCEED,
        /** The order cannot be fulfilled: compensate and close it as rejected. */
        REJECT,
        /** The customer cancelled meanwhile: compensate and close it as cancelled. */
        CANCEL
    }

    public StepResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    static StepResult proceed() {
        return new StepResult(Verdict.PROCEED, "");
    }

    static StepResult reject(String reason) {
        return new StepResult(Verdict.REJECT, reason);
    }

    static StepResult cancel() {
        return new StepResult(Verdict.CANCEL, "cancelled by the customer");
    }
}
