package dev.orderflow.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableClass;

/**
 * One table's shape, written once and built either as a single-region table or as a global table,
 * so both have the same keys, indexes, stream and TTL. Optional features are null when absent
 * (private to {@link DataTables}, never across a public API).
 *
 * @param id the construct id
 * @param nameSuffix the global table's name after {@code orderflow-<env>-}
 * @param strong whether it is a multi-Region strongly consistent global table
 */
record TableDesign(
        String id,
        String nameSuffix,
        Attribute partitionKey,
        Attribute sortKey,
        StreamViewType stream,
        String ttlAttribute,
        TableClass tableClass,
        List<Index> indexes,
        List<LocalIndex> localIndexes,
        boolean strong) {

    /** A global secondary index on two string attributes. */
    record Index(String name, String partitionKey, String sortKey, ProjectionType projection) {}

    /** A local secondary index: the table's partition key and another string sort key. */
    record LocalIndex(String name, String sortKey, ProjectionType projection) {}

    TableDesign {
        indexes = List.copyOf(indexes);
        localIndexes = List.copyOf(localIndexes);
    }

    static TableDesign of(String id, String nameSuffix, Attribute partitionKey, Attribute sortKey) {
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                null,
                null,
                null,
                List.of(),
                List.of(),
                false);
    }

    TableDesign stream(StreamViewType view) {
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                view,
                ttlAttribute,
                tableClass,
                indexes,
                localIndexes,
                strong);
    }

    TableDesign ttl(String attribute) {
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                stream,
                attribute,
                tableClass,
                indexes,
                localIndexes,
                strong);
    }

    TableDesign tableClass(TableClass value) {
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                stream,
                ttlAttribute,
                value,
                indexes,
                localIndexes,
                strong);
    }

    TableDesign index(String name, String partition, String sort, ProjectionType projection) {
        List<Index> more = new ArrayList<>(indexes);
        more.add(new Index(name, partition, sort, projection));
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                stream,
                ttlAttribute,
                tableClass,
                more,
                localIndexes,
                strong);
    }

    TableDesign localIndex(String name, String sort, ProjectionType projection) {
        List<LocalIndex> more = new ArrayList<>(localIndexes);
        more.add(new LocalIndex(name, sort, projection));
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                stream,
                ttlAttribute,
                tableClass,
                indexes,
                more,
                strong);
    }

    /** Multi-Region strong consistency (which allows neither TTL nor local indexes). */
    TableDesign stronglyConsistent() {
        if (ttlAttribute != null || !localIndexes.isEmpty()) {
            throw new IllegalStateException(
                    id + ": an MRSC table can have neither TTL nor local indexes");
        }
        return new TableDesign(
                id,
                nameSuffix,
                partitionKey,
                sortKey,
                stream,
                ttlAttribute,
                tableClass,
                indexes,
                localIndexes,
                true);
    }
}
