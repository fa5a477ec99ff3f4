package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.page.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cursors of the orders-by-status listing. One cursor carries the position in every shard of the
 * {@code byStatus} index, so the next page resumes each shard exactly where the merge stopped: not
 * started ({@code -}), exhausted ({@code x}), or after an index key (its {@code gsi2sk}, from which
 * the order id and so the whole key follow). It is bound to the status it was issued for.
 */
final class StatusCursorCodec {

    private static final String VERSION = "s1";
    private static final String NOT_STARTED = "-";
    private static final String EXHAUSTED = "x";

    /** Where one shard's next query starts. */
    record Position(boolean exhausted, Optional<String> afterSortKey) {
        static final Position START = new Position(false, Optional.empty());
        static final Position DONE = new Position(true, Optional.empty());

        static Position after(String sortKey) {
            return new Position(false, Optional.of(sortKey));
        }
    }

    private StatusCursorCodec() {}

    static Cursor.After encode(OrderStatus status, List<Position> positions) {
        StringBuilder token = new StringBuilder(VERSION).append('.').append(status.name());
        for (Position p : positions) {
            token.append('.');
            if (p.exhausted()) {
                token.append(EXHAUSTED);
            } else if (p.afterSortKey().isEmpty()) {
                token.append(NOT_STARTED);
            } else {
                token.append(
                        java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        p.afterSortKey().get().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new Cursor.After(token.toString());
    }

    /** Every shard's position, if the cursor was issued for this status's listing. */
    static List<Position> decode(Cursor.After cursor, OrderStatus status, int shards) {
        String[] parts = cursor.token().split("\\.", -1);
        if (parts.length != shards + 2
                || !VERSION.equals(parts[0])
                || !status.name().equals(parts[1])) {
            throw notOurs();
        }
        List<Position> positions = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            positions.add(position(parts[i]));
        }
        return positions;
    }

    /** The index key to resume a shard after: the order's keys and the index keys. */
    static Map<String, AttributeValue> startKey(OrderStatus status, int shard, String sortKey) {
        String orderId = sortKey.substring(sortKey.lastIndexOf('#') + 1);
        return Map.of(
                "pk", AttributeValue.fromS(OrderKeys.pk(new OrderId(orderId))),
                "sk", AttributeValue.fromS(OrderItem.SK),
                "gsi2pk", AttributeValue.fromS(partitionKey(status, shard)),
                "gsi2sk", AttributeValue.fromS(sortKey));
    }

    /** The index partition of one shard of a status, as {@link OrderItem} writes it. */
    static String partitionKey(OrderStatus status, int shard) {
        return "STATUS#" + status.name() + "#" + shard;
    }

    private static Position position(String part) {
        if (NOT_STARTED.equals(part)) {
            return Position.START;
        }
        if (EXHAUSTED.equals(part)) {
            return Position.DONE;
        }
        try {
            String sortKey =
                    new String(
                            java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            int hash = sortKey.lastIndexOf('#');
            if (hash < 0) {
                throw notOurs();
            }
            Instant.parse(sortKey.substring(0, hash));
            new OrderId(sortKey.substring(hash + 1));
            return Position.after(sortKey);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw notOurs();
        }
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor returned by this API for this status");
    }
}
