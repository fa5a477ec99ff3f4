package dev.orderflow.functions.admin;

import dev.orderflow.domain.error.InvalidInput;

/** The JSON body of a stock adjustment: units to add, or to remove when negative. */
record AdjustStockRequest(Integer delta) {

    int requiredDelta() {
        if (delta == null) {
            throw InvalidInput.of("delta", "is required");
        }
        return delta;
    }
}
