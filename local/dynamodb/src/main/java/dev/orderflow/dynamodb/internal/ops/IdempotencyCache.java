package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ClientRequestToken handling for TransactWriteItems: a token is valid for 10 minutes; a repeat
 * with the same request returns the first response without writing again, a repeat with another
 * request fails with IdempotentParameterMismatchException.
 */
final class IdempotencyCache {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Entry(JsonNode request, ObjectNode response, Instant at) {}

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    IdempotencyCache(Clock clock) {
        this.clock = clock;
    }

    /** The remembered response for this token, or null if the token is new or expired. */
    synchronized ObjectNode lookup(String token, JsonNode request) {
        expire();
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (!e.request().equals(request)) {
            throw ApiException.idempotentParameterMismatch();
        }
        return e.response().deepCopy();
    }

    synchronized void remember(String token, JsonNode request, ObjectNode response) {
        expire();
        entries.putIfAbsent(
                token, new Entry(request.deepCopy(), response.deepCopy(), clock.instant()));
    }

    /**
     * Entries are kept in the order they were remembered, so expiry stops at the first live one.
     */
    private void expire() {
        Instant cutoff = clock.instant().minus(WINDOW);
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && it.next().at().isBefore(cutoff)) {
            it.remove();
        }
    }
}
