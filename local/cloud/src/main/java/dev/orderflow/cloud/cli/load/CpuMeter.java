package dev.orderflow.cloud.cli.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's CPU use between two readings of {@code /proc/stat} (Linux only; elsewhere
 * nothing is reported). Busy is everything but idle and iowait.
 */
final class CpuMeter {

    private record Reading(long busy, long total) {}

    private final Optional<Reading> start = read();

    /** The share of CPU time the machine was busy since this meter was made, 0 to 1. */
    Optional<Double> busyShare() {
        Optional<Reading> end = read();
        if (start.isEmpty() || end.isEmpty() || end.get().total == start.get().total) {
            return Optional.empty();
        }
        return Optional.of(
                (double) (end.get().busy - start.get().busy)
                        / (end.get().total - start.get().total));
    }

    private static Optional<Reading> read() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+", -1);
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return Optional.of(new Reading(total - idle, total));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
