package dev.orderflow.states.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON lines. Each record is written with one {@code write} system call
 * before {@link #append} returns, so a killed process loses nothing that was appended; the file is
 * fsynced every 100 ms (when something was written) and on close, so an OS crash or power loss may
 * lose the last 100 ms. A torn last line (crash in the middle of a write) is skipped when read.
 */
final class JournalFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    private static final long FSYNC_MILLIS = 100;

    private final FileChannel channel;
    private final ScheduledExecutorService fsync;
    private boolean dirty;
    private boolean closed;

    JournalFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        this.fsync =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "states-journal-fsync");
                            t.setDaemon(true);
                            return t;
                        });
        // force() logs its I/O errors and the wrapper anything else (which ends the syncing), so
        // the future has nothing left to tell
        var unused =
                fsync.scheduleWithFixedDelay(
                        () -> {
                            try {
                                force();
                            } catch (RuntimeException e) {
                                LOG.error("fsync of the execution journal stopped", e);
                                throw e;
                            }
                        },
                        FSYNC_MILLIS,
                        FSYNC_MILLIS,
                        TimeUnit.MILLISECONDS);
    }

    /** Reads every complete record of {@code file}; a missing file has none. */
    static List<JsonNode> read(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.parse(line));
                } catch (IllegalArgumentException e) {
                    LOG.warn("{} line {}: unreadable record skipped (torn write?)", file, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /**
     * Replaces {@code file} with {@code records}: written to a temporary file, fsynced, then
     * atomically renamed over it, so a crash leaves either the old or the new file.
     */
    static void rewrite(Path file, List<JsonNode> records) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel out =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                StringBuilder text = new StringBuilder();
                for (JsonNode r : records) {
                    text.append(Json.write(r)).append('\n');
                }
                ByteBuffer buffer =
                        ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + file, e);
        }
    }

    /** Appends one record. */
    synchronized void append(JsonNode record) {
        if (closed) {
            return;
        }
        byte[] line = (Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the execution journal", e);
        }
    }

    private synchronized void force() {
        if (!dirty || closed) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
        } catch (IOException e) {
            LOG.warn("fsync of the execution journal failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        force();
        closed = true;
        fsync.shutdownNow();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the execution journal failed: {}", e.toString());
        }
    }
}
