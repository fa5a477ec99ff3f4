package dev.orderflow.domain.page;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/**
 * A bounded request for one page of results.
 *
 * @param limit how many items at most, between 1 and {@link #MAX_LIMIT}
 * @param cursor where the page starts
 */
public record PageRequest(int limit, Cursor cursor) {

    /** The largest page anyone may ask for. */
    public static final int MAX_LIMIT = 100;

    /** The page size used when the caller does not say. */
    public static final int DEFAULT_LIMIT = 20;

    /**
     * @throws InvalidInput if the limit is outside 1..{@link #MAX_LIMIT}
     */
    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
