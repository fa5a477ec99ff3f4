package dev.orderflow.dynamodb.internal.ttl;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes expired items ("Using time to live (TTL) in DynamoDB", Developer Guide): the TTL
 * attribute must be a Number of epoch seconds; items whose value is more than five years in the
 * past are ignored, as AWS does. Deletes are recorded in the stream as service deletes.
 */
public final class TtlSweeper {
    private static final long FIVE_YEARS = Duration.ofDays(5 * 365).toSeconds();

    private final Engine engine;

    public TtlSweeper(Engine engine) {
        this.engine = engine;
    }

    /** Runs one sweep over every table with TTL enabled; returns the number of items deleted. */
    public int sweep() {
        return engine.write(
                state -> {
                    long now = engine.clock().instant().getEpochSecond();
                    int deleted = 0;
                    for (Table t : state.tables().values()) {
                        String attr = t.ttlAttribute();
                        if (attr == null) {
                            continue;
                        }
                        List<Map<String, AttributeValue>> expired = new ArrayList<>();
                        for (var partition : t.primary().partitions().values()) {
                            for (Map<String, AttributeValue> item : partition.values()) {
                                if (isExpired(item.get(attr), now)) {
                                    expired.add(item);
                                }
                            }
                        }
                        for (Map<String, AttributeValue> item : expired) {
                            Map<String, AttributeValue> key = t.definition().key().keyOf(item);
                            if (state.isHeld(t.definition().name(), key, null)) {
                                continue; // deleted by a later sweep once the transaction ends
                            }
                            t.delete(key);
                            state.changed(t, key, item, null, true);
                            deleted++;
                        }
                    }
                    return deleted;
                });
    }

    static boolean isExpired(AttributeValue v, long nowSeconds) {
        if (!(v instanceof AttributeValue.N n)) {
            return false;
        }
        BigDecimal expiry = n.value();
        return expiry.compareTo(BigDecimal.valueOf(nowSeconds)) <= 0
                && expiry.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS)) >= 0;
    }
}
