package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stream mapping got to in each shard: the sequence number of the last record it is done
 * with (delivered, filtered out or discarded). With a data directory the positions are kept in
 * {@code <dir>/<mapping>.json}, written (temporary file, fsync, atomic rename) after each batch, so
 * a restart continues after that record instead of at {@code StartingPosition}; a crash during a
 * batch delivers that batch again (at least once, as Lambda does).
 */
final class ShardCheckpoints {

    private final Optional<Path> file;
    private final Map<String, String> positions = new LinkedHashMap<>();

    private ShardCheckpoints(Optional<Path> file) {
        this.file = file;
    }

    /** Positions kept only in memory. */
    static ShardCheckpoints inMemory() {
        return new ShardCheckpoints(Optional.empty());
    }

    /** Positions kept in {@code dir}, read back if the mapping ran there before. */
    static ShardCheckpoints in(Path dir, String mappingId) {
        ShardCheckpoints c = new ShardCheckpoints(Optional.of(dir.resolve(mappingId + ".json")));
        Path f = c.file.get();
        if (Files.exists(f)) {
            try {
                JsonNode saved = Json.parse(Files.readAllBytes(f));
                saved.properties().forEach(e -> c.positions.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return c;
    }

    /** The last sequence number done in each shard, for the console (another thread). */
    synchronized Map<String, String> all() {
        return Map.copyOf(positions);
    }

    /** The last sequence number done in {@code shard}, if any. */
    synchronized Optional<String> position(String shard) {
        return Optional.ofNullable(positions.get(shard));
    }

    /** Records that {@code shard} is done up to {@code sequenceNumber}. */
    void save(String shard, String sequenceNumber) {
        synchronized (this) {
            positions.put(shard, sequenceNumber);
        }
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get();
        ObjectNode out = Json.object();
        all().forEach(out::put);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.write(tmp, Json.bytes(out));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
