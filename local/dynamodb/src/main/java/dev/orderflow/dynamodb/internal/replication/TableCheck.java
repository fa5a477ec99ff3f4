package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.util.List;
import java.util.Optional;

/**
 * What a table must be to become a replica of a global table: present with one key schema in every
 * region; for MRSC also empty, without TTL and without local secondary indexes, which MRSC tables
 * do not support ("How DynamoDB global tables work", MRSC). Called outside the replication lock.
 */
final class TableCheck {
    private TableCheck() {}

    /** A key schema's identity: key attribute names and their types. */
    private record KeyShape(String hash, String hashType, String range, String rangeType) {
        static KeyShape of(TableDefinition d) {
            String range = d.key().range();
            return new KeyShape(
                    d.key().hash(),
                    d.attributeTypes().get(d.key().hash()),
                    range,
                    range == null ? null : d.attributeTypes().get(range));
        }
    }

    private record Facts(KeyShape key, long items, boolean ttl, boolean localIndexes) {}

    static void replicable(String table, List<Engine> engines, boolean strong) {
        KeyShape first = null;
        for (Engine e : engines) {
            Facts f =
                    facts(e, table)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "table "
                                                            + table
                                                            + " does not exist in every attached"
                                                            + " region"));
            if (first == null) {
                first = f.key();
            } else if (!first.equals(f.key())) {
                throw new IllegalArgumentException(
                        "table " + table + " has different key schemas in the attached regions");
            }
            if (strong && f.items() > 0) {
                throw new IllegalStateException(
                        "ValidationException: a table must be empty to become a global table"
                                + " with multi-Region strong consistency: "
                                + table);
            }
            if (strong && (f.ttl() || f.localIndexes())) {
                throw new IllegalStateException(
                        "ValidationException: a global table with multi-Region strong consistency"
                                + " supports neither Time to Live nor local secondary indexes: "
                                + table);
            }
        }
    }

    /** Fails when the engine's table exists with another key schema than the others'. */
    static void sameKeyAsOthers(String table, Engine engine, List<Engine> others) {
        Optional<Facts> mine = facts(engine, table);
        if (mine.isEmpty()) {
            return; // created later: deliveries to it wait until then
        }
        for (Engine o : others) {
            Optional<Facts> theirs = facts(o, table);
            if (theirs.isPresent() && !theirs.get().key().equals(mine.get().key())) {
                throw new IllegalArgumentException(
                        "table " + table + " has a different key schema in the attached region");
            }
        }
    }

    /** The error a transaction or a TTL change gets on an MRSC table (our wording). */
    static ApiException notWithStrong(String what, String table) {
        return ApiException.validation(
                what
                        + " not supported on a global table with multi-Region strong consistency"
                        + " (MRSC): "
                        + table);
    }

    private static Optional<Facts> facts(Engine e, String table) {
        return e.read(
                state -> {
                    Table t = state.tables().get(table);
                    if (t == null) {
                        return Optional.empty();
                    }
                    TableDefinition d = t.definition();
                    boolean lsi = d.indexes().stream().anyMatch(i -> !isGlobal(i));
                    return Optional.of(
                            new Facts(
                                    KeyShape.of(d),
                                    t.primary().count(),
                                    t.ttlAttribute() != null,
                                    lsi));
                });
    }

    private static boolean isGlobal(IndexDefinition i) {
        return i.global();
    }
}
