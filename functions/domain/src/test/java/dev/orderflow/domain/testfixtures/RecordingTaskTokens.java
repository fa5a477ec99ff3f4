package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.shipping.Parcel;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.domain.shipping.TaskTokens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Waiting steps in memory: the first success or failure on a token closes it, as the engine does;
 * later reports answer {@link Report#ALREADY_CLOSED}. Records every report.
 */
public final class RecordingTaskTokens implements TaskTokens {

    /** One report as the engine received it. */
    public record Received(String token, String kind, String detail) {}

    private final Map<String, Received> closed = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;

    /** Every later report fails as an unreachable engine does. */
    public void goDown() {
        unavailable = true;
    }

    @Override
    public Report shipped(TaskToken token, Parcel parcel) {
        return close(
                new Received(
                        token.value(),
                        "success",
                        parcel.center()
                                + "|"
                                + parcel.trackingNumber()
                                + "|"
                                + parcel.shippedAt()));
    }

    @Override
    public Report failed(TaskToken token, String error, String cause) {
        return close(new Received(token.value(), "failure", error));
    }

    @Override
    public Report heartbeat(TaskToken token) {
        check();
        received.add(new Received(token.value(), "heartbeat", ""));
        return closed.containsKey(token.value()) ? Report.ALREADY_CLOSED : Report.DELIVERED;
    }

    private Report close(Received report) {
        check();
        received.add(report);
        return closed.putIfAbsent(report.token(), report) == null
                ? Report.DELIVERED
                : Report.ALREADY_CLOSED;
    }

    private void check() {
        if (unavailable) {
            throw new DependencyUnavailable(
                    "workflow engine", new IllegalStateException("simulated outage"));
        }
    }

    /** The report that closed a token, if any. */
    public Received closing(String token) {
        return closed.get(token);
    }

    /** Every report received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }
}
