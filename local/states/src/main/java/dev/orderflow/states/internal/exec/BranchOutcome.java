package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a branch (top level, Parallel branch, Map iteration) ended: output, or error and cause
 * (either may be null: a Fail state need not name an error).
 */
public record BranchOutcome(boolean failed, JsonNode output, String error, String cause) {
    /** A successful outcome. */
    public static BranchOutcome success(JsonNode output) {
        return new BranchOutcome(false, output, null, null);
    }

    /** A failed outcome. */
    public static BranchOutcome failure(String error, String cause) {
        return new BranchOutcome(true, null, error, cause);
    }
}
