package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fills one page from a filtered Scan or Query. DynamoDB applies {@code Limit} before the filter,
 * so one read can return fewer matches than asked for while more exist: this reads on until the
 * page is full, the data ends, or a bound on reads is hit (then the cursor continues from where the
 * reads stopped).
 */
final class FilteredPages {

    /**
     * One read: the items that passed the filter and the key to continue from (empty at the end).
     */
    record Read(
            List<Map<String, AttributeValue>> items,
            Map<String, AttributeValue> lastEvaluatedKey) {}

    private FilteredPages() {}

    /**
     * @param limit how many items the page holds at most
     * @param maxReads reads per page at most
     * @param startKey where the first read starts, or null for the beginning
     * @param read performs one read from a start key (null for the beginning)
     * @param toItem maps a stored item to the page's type
     * @param cursorAt the cursor continuing after a key; given either the last item returned or a
     *     read's last evaluated key, both of which carry the key attributes
     */
    static <T> Page<T> fill(
            int limit,
            int maxReads,
            Map<String, AttributeValue> startKey,
            Function<Map<String, AttributeValue>, Read> read,
            Function<Map<String, AttributeValue>, T> toItem,
            Function<Map<String, AttributeValue>, Cursor.After> cursorAt) {
        List<T> found = new ArrayList<>();
        Map<String, AttributeValue> from = startKey;
        for (int reads = 0; reads < maxReads; reads++) {
            Read result = read.apply(from);
            List<Map<String, AttributeValue>> items = result.items();
            for (int i = 0; i < items.size(); i++) {
                found.add(toItem.apply(items.get(i)));
                if (found.size() == limit) {
                    boolean more = i < items.size() - 1 || !result.lastEvaluatedKey().isEmpty();
                    return new Page<>(
                            found,
                            more ? Optional.of(cursorAt.apply(items.get(i))) : Optional.empty());
                }
            }
            if (result.lastEvaluatedKey().isEmpty()) {
                return new Page<>(found, Optional.empty());
            }
            from = result.lastEvaluatedKey();
        }
        // Bounded work per request: continue from where the reads stopped.
        return new Page<>(found, Optional.of(cursorAt.apply(from)));
    }
}
