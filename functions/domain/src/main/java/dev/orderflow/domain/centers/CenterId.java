package dev.orderflow.domain.centers;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;
import java.util.regex.Pattern;

/** A fulfillment center's id, e.g. {@code FC-MUC-1}. */
public record CenterId(String value) implements Comparable<CenterId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    /**
     * @throws InvalidInput if the value is not 2-32 upper-case letters, digits or dashes
     */
    public CenterId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidInput.of("centerId", "must be 2-32 upper-case letters, digits or dashes");
        }
    }

    @Override
    public int compareTo(CenterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
