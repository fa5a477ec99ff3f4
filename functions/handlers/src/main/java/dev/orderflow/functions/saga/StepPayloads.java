package dev.orderflow.functions.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.saga.StepResult;
import java.util.List;

/** What the state machine sends the saga's step functions, and what they answer. */
final class StepPayloads {

    private StepPayloads() {}

    /** Most steps need only the order (and the payment step its retry count). */
    record OrderStep(String orderId, String executionId, int attempt)
            implements StepEndpoint.StepRequest {}

    /** The shipments' reports, as the centers sent them with {@code SendTaskSuccess}. */
    record ShippedStep(String orderId, String executionId, List<ShipmentReport> shipments)
            implements StepEndpoint.StepRequest {
        ShippedStep {
            shipments = shipments == null ? List.of() : List.copyOf(shipments);
        }
    }

    record ShipmentReport(String centerId, String trackingNumber, String shippedAt) {}

    /**
     * Why the saga is closing the order: a step's refusal ({@code reason}) or an error a Catch
     * caught ({@code Error}, {@code Cause}).
     */
    record CloseStep(String orderId, String executionId, Failure failure)
            implements StepEndpoint.StepRequest {}

    record Failure(
            String reason,
            @JsonProperty("Error") String error,
            @JsonProperty("Cause") String cause) {}

    /** A forward step's verdict: {@code PROCEED}, {@code REJECT} or {@code CANCEL}. */
    record Verdict(String verdict, String reason) {
        static Verdict of(StepResult result) {
            return new Verdict(result.verdict().name(), result.reason());
        }
    }

    record HandOverResult(String verdict, String reason, List<WorkOrder> shipments) {}

    /** One center's work, with the seconds the state machine waits for it. */
    record WorkOrder(
            String centerId, List<Line> items, long timeoutSeconds, long heartbeatSeconds) {}

    record Line(String sku, int quantity) {
        static List<Line> of(List<OrderLine> lines) {
            return lines.stream().map(l -> new Line(l.sku().value(), l.quantity())).toList();
        }
    }

    record Refund(boolean refunded, String paymentId) {}

    record Release(boolean released) {}

    /** How an order ended, which is also what the customer is notified of. */
    record Closing(
            String verdict, String reason, String orderId, String customerId, String status) {
        static Closing of(StepResult.Verdict verdict, Order order) {
            return new Closing(
                    verdict.name(),
                    order.reason(),
                    order.id().value(),
                    order.customerId(),
                    order.status().name());
        }
    }
}
