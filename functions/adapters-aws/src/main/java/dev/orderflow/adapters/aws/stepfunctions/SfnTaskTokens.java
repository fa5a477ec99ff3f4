package dev.orderflow.adapters.aws.stepfunctions;

import dev.orderflow.domain.shipping.Parcel;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.domain.shipping.TaskTokens;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Reports to waiting {@code .waitForTaskToken} steps through {@code SendTaskSuccess}, {@code
 * SendTaskFailure} and {@code SendTaskHeartbeat}. Step Functions answers a report on a step that no
 * longer waits with {@code TaskTimedOut} ("expired or already closed"), {@code TaskDoesNotExist}
 * (its execution is gone) or {@code InvalidToken}; all three mean an earlier report (or the step's
 * timeout) settled it, so they are {@link Report#ALREADY_CLOSED}, not errors.
 *
 * <p>The success output is {@code {"centerId":"...","trackingNumber":"...","shippedAt":"<ISO-8601
 * instant>"}}.
 */
public final class SfnTaskTokens implements TaskTokens {

    /** Step Functions' limits on a failure's error name and cause. */
    static final int MAX_ERROR = 256;

    static final int MAX_CAUSE = 32768;

    private final SfnClient sfn;

    public SfnTaskTokens(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
    }

    @Override
    public Report shipped(TaskToken token, Parcel parcel) {
        return settle(
                () ->
                        sfn.sendTaskSuccess(
                                s -> s.taskToken(token.value()).output(outputOf(parcel))));
    }

    @Override
    public Report failed(TaskToken token, String error, String cause) {
        return settle(
                () ->
                        sfn.sendTaskFailure(
                                s ->
                                        s.taskToken(token.value())
                                                .error(truncate(error, MAX_ERROR))
                                                .cause(truncate(cause, MAX_CAUSE))));
    }

    @Override
    public Report heartbeat(TaskToken token) {
        return settle(() -> sfn.sendTaskHeartbeat(s -> s.taskToken(token.value())));
    }

    private static Report settle(Supplier<?> call) {
        try {
            SfnErrors.translate(call);
            return Report.DELIVERED;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return Report.ALREADY_CLOSED;
        }
    }

    static String outputOf(Parcel parcel) {
        return "{\"centerId\":"
                + quote(parcel.center().value())
                + ",\"trackingNumber\":"
                + quote(parcel.trackingNumber())
                + ",\"shippedAt\":"
                + quote(parcel.shippedAt().toString())
                + "}";
    }

    /** A JSON string literal (RFC 8259 section 7). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
