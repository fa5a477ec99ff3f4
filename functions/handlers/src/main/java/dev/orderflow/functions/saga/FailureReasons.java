package dev.orderflow.functions.saga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Turns what the state machine caught into a reason a customer and an operator can read: the
 * order's record says "a fulfillment center did not report in time", not a class name.
 */
final class FailureReasons {

    /** Longest reason stored on an order; causes can carry whole stack traces. */
    static final int MAX_LENGTH = 300;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, String> KNOWN =
            Map.of(
                    "States.Timeout", "a step of the order took too long, even after retries",
                    "States.HeartbeatTimeout", "a fulfillment center stopped reporting progress",
                    "Fulfillment.Rejected", "a fulfillment center could not fill its shipment",
                    "Fulfillment.Cancelled", "cancelled by the customer",
                    "dev.orderflow.domain.payment.PaymentUnavailable",
                            "the payment provider did not answer, even after retries",
                    "dev.orderflow.domain.payment.PaymentRequestRejected",
                            "the payment could not be taken: the payment provider refused"
                                    + " orderflow's request (an operator must check the payment"
                                    + " configuration)",
                    "dev.orderflow.domain.error.DependencyUnavailable",
                            "a store was unavailable, even after retries");

    private FailureReasons() {}

    static String of(StepPayloads.Failure failure) {
        if (failure == null) {
            return "the order could not be fulfilled";
        }
        if (failure.reason() != null && !failure.reason().isBlank()) {
            return cut(failure.reason());
        }
        String error = failure.error() == null ? "unknown error" : failure.error();
        String known = KNOWN.get(error);
        String detail = detail(failure.cause());
        if (known != null) {
            return cut(detail.isEmpty() ? known : known + " (" + detail + ")");
        }
        return cut(detail.isEmpty() ? error : error + ": " + detail);
    }

    /** A Lambda error's cause is its JSON error payload; anything else is kept as it is. */
    private static String detail(String cause) {
        if (cause == null || cause.isBlank()) {
            return "";
        }
        try {
            JsonNode payload = MAPPER.readTree(cause);
            if (payload != null && payload.hasNonNull("errorMessage")) {
                return payload.get("errorMessage").asText();
            }
        } catch (IOException notJson) {
            // plain text cause
        }
        return cause;
    }

    private static String cut(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
