package dev.orderflow.dynamodb.internal.pipeline;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer, reused by one thread for every response it writes. Buffers that grew past
 * {@link #KEEP} bytes (a large Query or Scan page) are dropped on the next reset, so an idle thread
 * keeps at most that much.
 */
final class ResponseBuffer extends OutputStream {
    private static final int KEEP = 256 * 1024;

    private byte[] bytes = new byte[16 * 1024];
    private int length;

    void reset() {
        if (bytes.length > KEEP) {
            bytes = new byte[16 * 1024];
        }
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Nothing to release: the generator closes its target when it is done. */
    @Override
    public void close() {}
}
