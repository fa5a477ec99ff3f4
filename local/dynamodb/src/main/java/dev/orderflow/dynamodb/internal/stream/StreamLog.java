package dev.orderflow.dynamodb.internal.stream;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records of one stream (a single shard). Records older than 24 hours are trimmed, as AWS
 * retains stream records for 24 hours. Guarded by the engine lock for writes; reads synchronize.
 */
public final class StreamLog {
    /** Stream record retention ("DynamoDB Streams", Developer Guide). */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final AtomicLong sequence;
    private final String arn;
    private final String label;
    private final String tableName;
    private final String viewType;
    private final Instant createdAt;
    private final String shardId;
    private final List<StreamRecord> records = new ArrayList<>();
    private volatile boolean enabled = true;
    private long trimmedBefore;

    public StreamLog(
            AtomicLong sequence,
            String arn,
            String label,
            String tableName,
            String viewType,
            Instant createdAt) {
        this.sequence = sequence;
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.viewType = viewType;
        this.createdAt = createdAt;
        this.shardId =
                "shardId-"
                        + String.format("%020d", createdAt.toEpochMilli())
                        + "-"
                        + UUID.nameUUIDFromBytes(
                                        arn.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .toString()
                                .substring(0, 8);
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public String viewType() {
        return viewType;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String shardId() {
        return shardId;
    }

    public boolean enabled() {
        return enabled;
    }

    public void disable() {
        enabled = false;
    }

    /** Appends the change; images are kept as the view type requires. */
    public synchronized StreamRecord append(
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            Instant now,
            boolean byTtl) {
        if (!enabled) {
            return null;
        }
        String eventName = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
        boolean wantNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        boolean wantOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        Map<String, AttributeValue> n = wantNew ? newItem : null;
        Map<String, AttributeValue> o = wantOld ? oldItem : null;
        int size =
                ItemSize.of(keys)
                        + (n == null ? 0 : ItemSize.of(n))
                        + (o == null ? 0 : ItemSize.of(o));
        StreamRecord record =
                new StreamRecord(
                        sequence.incrementAndGet(),
                        UUID.randomUUID().toString().replace("-", ""),
                        eventName,
                        now,
                        keys,
                        n,
                        o,
                        size,
                        byTtl);
        records.add(record);
        trim(now);
        return record;
    }

    /** Re-adds a recovered record (data directory replay), keeping its sequence number. */
    public synchronized void restore(StreamRecord record) {
        records.add(record);
        sequence.accumulateAndGet(record.sequence(), Math::max);
    }

    /** A copy of the retained records, oldest first. */
    public synchronized List<StreamRecord> records() {
        return new ArrayList<>(records);
    }

    /** Drops records past retention. */
    public synchronized void trim(Instant now) {
        Instant cutoff = now.minus(RETENTION);
        int drop = 0;
        while (drop < records.size() && records.get(drop).createdAt().isBefore(cutoff)) {
            drop++;
        }
        if (drop > 0) {
            trimmedBefore = records.get(drop - 1).sequence() + 1;
            records.subList(0, drop).clear();
        }
    }

    /** Records with sequence >= from, at most limit. */
    public synchronized List<StreamRecord> read(long from, int limit) {
        List<StreamRecord> out = new ArrayList<>();
        for (StreamRecord r : records) {
            if (r.sequence() >= from) {
                out.add(r);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public synchronized long firstSequence() {
        return records.isEmpty() ? sequence.get() + 1 : records.get(0).sequence();
    }

    public synchronized long trimmedBefore() {
        return trimmedBefore;
    }

    /** The sequence number the next record of any stream will get. */
    public long nextSequence() {
        return sequence.get() + 1;
    }
}
