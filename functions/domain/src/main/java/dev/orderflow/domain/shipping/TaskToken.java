package dev.orderflow.domain.shipping;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/**
 * The opaque token a waiting workflow step hands out with its work; reporting the result with it
 * resumes the step. Never logged: it grants that one report.
 */
public record TaskToken(String value) {

    /** The longest token the workflow engine accepts back (the Step Functions API's limit). */
    public static final int MAX_LENGTH = 2048;

    /**
     * @throws InvalidInput if the value is blank or longer than {@link #MAX_LENGTH}
     */
    public TaskToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw InvalidInput.of("taskToken", "must be 1-" + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "TaskToken[redacted]";
    }
}
