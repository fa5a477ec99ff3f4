package dev.orderflow.cloud.internal.esm;

import java.util.Map;

/** Where one polled event source mapping is, as its poller knows it (the console shows it). */
public sealed interface MappingPosition {

    /** The mapping's logical id in the template. */
    String logicalId();

    /**
     * An SQS mapping's pollers (each receives and delivers one batch at a time, {@code maxBatches}
     * at most) and the batches it has in delivery now.
     */
    record Queue(
            String logicalId,
            int pollers,
            int maxBatches,
            int batchesInFlight,
            int messagesInFlight)
            implements MappingPosition {}

    /**
     * A stream mapping's checkpoints: per shard, the sequence number of the last record it is done
     * with (delivered, filtered out or discarded); a shard it has not finished a batch of yet is
     * missing.
     */
    record Stream(String logicalId, Map<String, String> checkpoints) implements MappingPosition {
        public Stream {
            checkpoints = Map.copyOf(checkpoints);
        }
    }
}
