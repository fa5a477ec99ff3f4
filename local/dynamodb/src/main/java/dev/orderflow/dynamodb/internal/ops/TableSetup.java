package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Installs tables and their streams in the engine: for CreateTable, UpdateTable and recovery from
 * the journal.
 */
public final class TableSetup {
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Engine engine;
    private final WriteAccess state;

    public TableSetup(Engine engine, WriteAccess state) {
        this.engine = engine;
        this.state = state;
    }

    /** Installs a table (also used when recovering from the journal). */
    public Table create(TableDefinition def) {
        Table t = new Table(def, null);
        if (def.stream().enabled()) {
            t.stream(streamFor(def));
        }
        state.putTable(t);
        return t;
    }

    /** The stream log for the table's current stream settings, created on first use. */
    public StreamLog streamFor(TableDefinition def) {
        TableDefinition.StreamSettings s = def.stream();
        StreamLog log = state.streams().get(s.arn());
        if (log == null) {
            log =
                    new StreamLog(
                            engine.streamSequence(),
                            s.arn(),
                            s.label(),
                            def.name(),
                            s.viewType(),
                            engine.clock().instant());
            state.putStream(log);
        }
        return log;
    }

    /**
     * Stream settings whose ARN no other stream of this engine has used (a table re-created, or a
     * stream re-enabled, within the same millisecond of a fixed test clock gets a later label).
     */
    TableDefinition.StreamSettings uniqueStream(JsonNode spec, String tableArn) {
        Instant at = engine.clock().instant();
        TableDefinition.StreamSettings s = streamSettings(spec, tableArn, at);
        while (s.enabled() && state.streams().containsKey(s.arn())) {
            at = at.plusMillis(1);
            s = streamSettings(spec, tableArn, at);
        }
        return s;
    }

    static TableDefinition.StreamSettings streamSettings(
            JsonNode spec, String tableArn, Instant now) {
        if (spec == null || spec.isNull() || !spec.path("StreamEnabled").asBoolean(false)) {
            if (spec != null
                    && !spec.isNull()
                    && spec.has("StreamViewType")
                    && !spec.path("StreamEnabled").asBoolean(false)) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: StreamSpecification: The"
                                + " StreamViewType cannot be specified when StreamEnabled is false");
            }
            return TableDefinition.StreamSettings.NONE;
        }
        String view = spec.path("StreamViewType").asText(null);
        if (view == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: StreamSpecification: The"
                            + " StreamViewType must be specified when StreamEnabled is true");
        }
        if (!List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY").contains(view)) {
            throw Req.constraint(
                    view,
                    "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        String label = LABEL.format(now);
        return new TableDefinition.StreamSettings(true, view, label, tableArn + "/stream/" + label);
    }
}
