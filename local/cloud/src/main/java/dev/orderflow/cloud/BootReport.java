package dev.orderflow.cloud;

import java.time.Duration;
import java.util.List;

/**
 * What the local cloud booted from the template, and what it left out.
 *
 * @param emulated one line per emulated resource ({@code "table Orderflow-dev-DataOrders... (GSIs
 *     byCustomer, byStatus; stream NEW_AND_OLD_IMAGES)"})
 * @param ignored resources with no local behaviour (IAM, alarms, logs ...), with the reason
 * @param unsupported resources whose type the local cloud does not know
 * @param bootTime from {@code start()} to ready
 */
public record BootReport(
        List<String> emulated, List<String> ignored, List<String> unsupported, Duration bootTime) {
    /** Copies the lists. */
    public BootReport {
        emulated = List.copyOf(emulated);
        ignored = List.copyOf(ignored);
        unsupported = List.copyOf(unsupported);
    }
}
