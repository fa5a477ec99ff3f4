package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentProvider;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A payment provider in memory that remembers what it charged and refunded. It approves, unless
 * told to decline or to fail a number of attempts first; a hook runs inside the next charge, as a
 * concurrent actor would.
 */
public final class InMemoryPayments implements PaymentProvider {

    private final List<OrderId> charges = new ArrayList<>();
    private final Set<String> refunded = new HashSet<>();
    private boolean decline;
    private int failAttemptsBelow;
    private Runnable duringNextCharge = () -> {};

    public InMemoryPayments declining() {
        decline = true;
        return this;
    }

    /** Attempts numbered below {@code attempts} time out. */
    public InMemoryPayments timingOutFirst(int attempts) {
        failAttemptsBelow = attempts;
        return this;
    }

    public void duringNextCharge(Runnable action) {
        duringNextCharge = action;
    }

    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        Runnable action = duringNextCharge;
        duringNextCharge = () -> {};
        action.run();
        if (request.attempt() < failAttemptsBelow) {
            throw new PaymentUnavailable("simulated timeout", true);
        }
        if (decline) {
            return new PaymentOutcome.Declined("card declined");
        }
        charges.add(request.order());
        return new PaymentOutcome.Approved(paymentId(request.order()));
    }

    /** Records a charge whose answer never reached the caller (the provider took it late). */
    public void chargeLate(OrderId order) {
        charges.add(order);
    }

    @Override
    public Optional<String> findCharge(OrderId order) {
        return charges.contains(order) ? Optional.of(paymentId(order)) : Optional.empty();
    }

    @Override
    public void refund(OrderId order, String paymentId) {
        refunded.add(paymentId);
    }

    public static String paymentId(OrderId order) {
        return "pay-" + order.value();
    }

    public List<OrderId> charges() {
        return List.copyOf(charges);
    }

    public boolean wasRefunded(String paymentId) {
        return refunded.contains(paymentId);
    }
}
