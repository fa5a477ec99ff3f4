package dev.orderflow.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableClass;

/**
 * One table's shape, written once and built either as a single-region table or as a global table,
 * so both have the same keys, indexes, stream and TTL. Filled in by {@link DataTables} right where
 * it is declared (a fluent builder, private to this package); optional features are null when
 * absent.
 */
final class TableDesign {

    /** A global secondary index on two string attributes. */
    record Index(String name, String partitionKey, String sortKey, ProjectionType projection) {}

    /** A local secondary index: the table's partition key and another string sort key. */
    record LocalIndex(String name, String sortKey, ProjectionType projection) {}

    private final String id;
    private final String nameSuffix;
    private final Attribute partitionKey;
    private final Attribute sortKey;
    private final List<Index> indexes = new ArrayList<>();
    private final List<LocalIndex> localIndexes = new ArrayList<>();
    private StreamViewType stream;
    private String ttlAttribute;
    private TableClass tableClass;
    private boolean strong;

    private TableDesign(String id, String nameSuffix, Attribute partitionKey, Attribute sortKey) {
        this.id = id;
        this.nameSuffix = nameSuffix;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    /**
     * @param id the construct id
     * @param nameSuffix the global table's name after {@code orderflow-<env>-}
     * @param sortKey null for a table with a partition key only
     */
    static TableDesign of(String id, String nameSuffix, Attribute partitionKey, Attribute sortKey) {
        return new TableDesign(id, nameSuffix, partitionKey, sortKey);
    }

    TableDesign stream(StreamViewType view) {
        this.stream = view;
        return this;
    }

    TableDesign ttl(String attribute) {
        this.ttlAttribute = attribute;
        return this;
    }

    TableDesign tableClass(TableClass value) {
        this.tableClass = value;
        return this;
    }

    TableDesign index(String name, String partition, String sort, ProjectionType projection) {
        indexes.add(new Index(name, partition, sort, projection));
        return this;
    }

    TableDesign localIndex(String name, String sort, ProjectionType projection) {
        localIndexes.add(new LocalIndex(name, sort, projection));
        return this;
    }

    /** Multi-Region strong consistency (which allows neither TTL nor local indexes). */
    TableDesign stronglyConsistent() {
        if (ttlAttribute != null || !localIndexes.isEmpty()) {
            throw new IllegalStateException(
                    id + ": an MRSC table can have neither TTL nor local indexes");
        }
        this.strong = true;
        return this;
    }

    String id() {
        return id;
    }

    String nameSuffix() {
        return nameSuffix;
    }

    Attribute partitionKey() {
        return partitionKey;
    }

    Attribute sortKey() {
        return sortKey;
    }

    StreamViewType stream() {
        return stream;
    }

    String ttlAttribute() {
        return ttlAttribute;
    }

    TableClass tableClass() {
        return tableClass;
    }

    List<Index> indexes() {
        return List.copyOf(indexes);
    }

    List<LocalIndex> localIndexes() {
        return List.copyOf(localIndexes);
    }

    /** Whether it is a multi-Region strongly consistent global table. */
    boolean strong() {
        return strong;
    }
}
