package dev.orderflow.domain.page;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/**
 * Where a page of results starts: at the beginning, or after an opaque token from a previous page.
 */
public sealed interface Cursor {

    /** The first page. */
    record First() implements Cursor {}

    /**
     * The page after the one that returned this token. The token is opaque to the domain; a blank
     * one is refused with {@link InvalidInput}.
     */
    record After(String token) implements Cursor {
        public After {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw InvalidInput.of("cursor", "must not be blank");
            }
        }
    }

    /** The first page. */
    static Cursor first() {
        return new First();
    }
}
