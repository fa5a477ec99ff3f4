package dev.orderflow.domain.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of results and, when more exist, the cursor to the next page.
 *
 * @param items the results, in the order the query defines
 * @param next where the next page starts, or empty on the last page
 */
public record Page<T>(List<T> items, Optional<Cursor.After> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
