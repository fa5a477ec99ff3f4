package dev.orderflow.dynamodb.internal.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Journal;
import dev.orderflow.dynamodb.internal.ReadAccess;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.journal.StreamCodec;
import dev.orderflow.dynamodb.internal.journal.TableCodec;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence in a data directory: {@code snapshot.jsonl} (a compacted log) plus {@code wal.jsonl}
 * (changes since). Every acknowledged change is written to the WAL with one {@code write} system
 * call before the response is sent, so killing the process (even with SIGKILL) loses nothing; the
 * file is fsynced every 100 ms and on close, so an OS crash or power loss can lose at most the last
 * 100 ms. When the WAL grows past 64 MB it is compacted into a new snapshot (written to a temporary
 * file, fsynced, atomically renamed). A torn last WAL line (crash mid-write) is ignored.
 */
public final class DataDirectory implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final long COMPACT_AT = 64L * 1024 * 1024;

    private final ObjectMapper mapper =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Engine engine;
    private final Path snapshot;
    private final Path wal;
    private final ScheduledExecutorService syncer;
    private FileChannel channel;
    private OutputStream out;
    private long walBytes;
    private boolean dirty;

    private DataDirectory(Engine engine, WriteAccess state, Path dir) {
        this.engine = engine;
        this.snapshot = dir.resolve("snapshot.jsonl");
        this.wal = dir.resolve("wal.jsonl");
        try {
            Files.createDirectories(dir);
            Recovery recovery = new Recovery(engine, state);
            replay(snapshot, recovery);
            replay(wal, recovery);
            compact(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + dir, e);
        }
        syncer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "dynamodb-wal-sync");
                            t.setDaemon(true);
                            return t;
                        });
        // sync() logs its I/O errors and the wrapper anything else (which ends the syncing), so
        // the future has nothing left to tell
        var unused =
                syncer.scheduleWithFixedDelay(
                        () -> {
                            try {
                                sync();
                            } catch (RuntimeException e) {
                                LOG.error("WAL sync of {} failed; it is no longer synced", wal, e);
                                throw e;
                            }
                        },
                        100,
                        100,
                        TimeUnit.MILLISECONDS);
    }

    /** Recovers the engine from the directory and starts journaling into it. */
    public static DataDirectory open(Engine engine, Path dir) {
        DataDirectory d = engine.write(state -> new DataDirectory(engine, state, dir));
        engine.journal(d);
        return d;
    }

    private void replay(Path file, Recovery recovery) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry;
                try {
                    entry = mapper.readTree(line);
                } catch (JsonProcessingException torn) {
                    // Only the last line can be torn by a crash in the middle of a write.
                    LOG.warn("Ignoring unreadable line {} of {}", n, file);
                    continue;
                }
                recovery.apply(entry);
            }
        }
    }

    @Override
    public synchronized void append(ObjectNode entry, ReadAccess state) {
        try {
            byte[] line =
                    (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            walBytes += line.length;
            dirty = true;
            if (walBytes > COMPACT_AT) {
                compact(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the write-ahead log", e);
        }
    }

    private synchronized void sync() {
        if (!dirty || channel == null) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
        } catch (IOException e) {
            LOG.error("fsync of {} failed", wal, e);
        }
    }

    /** Writes a snapshot of the whole engine and starts an empty WAL. */
    private synchronized void compact(ReadAccess state) throws IOException {
        Path tmp = snapshot.resolveSibling("snapshot.jsonl.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            // Streams first: table entries then find (and reuse) their current stream.
            for (var log : state.streams().values()) {
                log.trim(engine.clock().instant());
                w.write(mapper.writeValueAsString(StreamCodec.encode(log)));
                w.write('\n');
            }
            for (Table t : state.tables().values()) {
                ObjectNode meta = mapper.createObjectNode().put("op", "table");
                meta.set("table", TableCodec.encode(t));
                w.write(mapper.writeValueAsString(meta));
                w.write('\n');
                for (var partition : t.primary().partitions().values()) {
                    for (Map<String, dev.orderflow.dynamodb.internal.value.AttributeValue> item :
                            partition.values()) {
                        ObjectNode e =
                                mapper.createObjectNode()
                                        .put("op", "put")
                                        .put("table", t.definition().name());
                        e.set("item", AttributeJson.writeItem(item));
                        w.write(mapper.writeValueAsString(e));
                        w.write('\n');
                    }
                }
            }
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(
                tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (out != null) {
            out.close();
        }
        channel =
                FileChannel.open(
                        wal,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        out = java.nio.channels.Channels.newOutputStream(channel);
        channel.force(true);
        walBytes = 0;
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        engine.write(
                state -> {
                    synchronized (this) {
                        try {
                            compact(state);
                            channel.force(true);
                            out.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException("Cannot close the data directory", e);
                        }
                    }
                    engine.journal(Journal.NONE);
                    return null;
                });
    }
}
