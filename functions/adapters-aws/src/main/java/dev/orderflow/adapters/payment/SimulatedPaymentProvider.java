package dev.orderflow.adapters.payment;

import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentProvider;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stand-in payment provider for local runs and tests, deterministic and stateless (so it behaves
 * the same in every Lambda execution environment). Like a card network's test cards, the last two
 * digits of the amount in minor units choose what happens:
 *
 * <ul>
 *   <li>{@code 01}: declined;
 *   <li>{@code 02}: times out on the first attempt, approves on a retry;
 *   <li>{@code 03}: fails transiently on the first two attempts, approves on the third;
 *   <li>{@code 04}: always times out;
 *   <li>anything else: approved.
 * </ul>
 *
 * The payment id is derived from the order id, so charging an order again returns the same id.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {

    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        int scenario = (int) (request.amount().amountMinor() % 100);
        switch (scenario) {
            case 1:
                return new PaymentOutcome.Declined("card declined (simulated)");
            case 2:
                if (request.attempt() == 0) {
                    throw new PaymentUnavailable("payment provider timed out (simulated)", true);
                }
                break;
            case 3:
                if (request.attempt() < 2) {
                    throw new PaymentUnavailable("payment provider unavailable (simulated)", false);
                }
                break;
            case 4:
                throw new PaymentUnavailable("payment provider timed out (simulated)", true);
            default:
                break;
        }
        return new PaymentOutcome.Approved(paymentIdOf(request.order()));
    }

    /** The simulator charges only when it answers, so it never holds a charge nobody heard of. */
    @Override
    public Optional<String> findCharge(OrderId order) {
        return Optional.empty();
    }

    @Override
    public void refund(OrderId order, String paymentId) {
        if (!paymentIdOf(order).equals(paymentId)) {
            throw new IllegalArgumentException(
                    "payment " + paymentId + " was not taken for order " + order);
        }
    }

    static String paymentIdOf(OrderId order) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(order.value().getBytes(StandardCharsets.UTF_8));
            return "sim_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
