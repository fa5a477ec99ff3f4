package dev.orderflow.dynamodb.internal.table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The immutable schema and settings of a table; updates produce a new instance. */
public record TableDefinition(
        String name,
        String arn,
        String tableId,
        KeySchema key,
        Map<String, String> attributeTypes,
        List<IndexDefinition> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        StreamSettings stream,
        boolean sseEnabled,
        String sseType,
        String kmsKeyArn,
        boolean deletionProtection,
        Instant createdAt) {

    public TableDefinition {
        attributeTypes =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(attributeTypes));
        indexes = List.copyOf(indexes);
    }

    /** Stream settings; label and ARN set when a stream was ever enabled. */
    public record StreamSettings(boolean enabled, String viewType, String label, String arn) {
        public static final StreamSettings NONE = new StreamSettings(false, null, null, null);
    }

    public IndexDefinition index(String indexName) {
        for (IndexDefinition i : indexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public TableDefinition withIndexes(
            List<IndexDefinition> newIndexes, Map<String, String> types) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                key,
                types,
                newIndexes,
                billingMode,
                readCapacity,
                writeCapacity,
                stream,
                sseEnabled,
                sseType,
                kmsKeyArn,
                deletionProtection,
                createdAt);
    }

    public TableDefinition withStream(StreamSettings s) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                s,
                sseEnabled,
                sseType,
                kmsKeyArn,
                deletionProtection,
                createdAt);
    }

    public TableDefinition withBilling(String mode, long read, long write) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                key,
                attributeTypes,
                indexes,
                mode,
                read,
                write,
                stream,
                sseEnabled,
                sseType,
                kmsKeyArn,
                deletionProtection,
                createdAt);
    }

    public TableDefinition withDeletionProtection(boolean enabled) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                stream,
                sseEnabled,
                sseType,
                kmsKeyArn,
                enabled,
                createdAt);
    }
}
