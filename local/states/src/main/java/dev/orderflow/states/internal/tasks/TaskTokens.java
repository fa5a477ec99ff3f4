package dev.orderflow.states.internal.tasks;

import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.spi.TaskOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Open task tokens of {@code .waitForTaskToken} tasks, and the callbacks that complete them. */
public final class TaskTokens {
    private static final String PREFIX = "ofl1";

    /** A task waiting for its token. */
    public record Pending(
            ExecutionRun execution, Consumer<TaskOutcome> onResult, Runnable onHeartbeat) {}

    private final Map<String, Pending> open = new ConcurrentHashMap<>();
    private final Random random;

    /** Creates an empty registry using {@code random} for token entropy. */
    public TaskTokens(Random random) {
        this.random = random;
    }

    /** Creates a token bound to {@code executionArn}; register it with {@link #open}. */
    public String newToken(String executionArn) {
        byte[] nonce = new byte[24];
        synchronized (random) {
            random.nextBytes(nonce);
        }
        String raw =
                PREFIX
                        + "|"
                        + executionArn
                        + "|"
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Registers a pending task under {@code token}. */
    public void open(String token, Pending pending) {
        open.put(token, pending);
    }

    /** Removes and returns the pending task, if the token is open. */
    public Optional<Pending> take(String token) {
        return Optional.ofNullable(open.remove(token));
    }

    /** The pending task without removing it. */
    public Optional<Pending> peek(String token) {
        return Optional.ofNullable(open.get(token));
    }

    /** Drops a token (task ended another way). */
    public void close(String token) {
        open.remove(token);
    }

    /** The execution ARN encoded in a token of ours, or empty when the token is not one. */
    public static Optional<String> executionOf(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            // limit 0 drops trailing empty parts: "prefix|arn|" is no token of ours
            String[] parts = raw.split("\\|", 0);
            return parts.length == 3 && parts[0].equals(PREFIX)
                    ? Optional.of(parts[1])
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Number of open tokens. */
    public int size() {
        return open.size();
    }
}
