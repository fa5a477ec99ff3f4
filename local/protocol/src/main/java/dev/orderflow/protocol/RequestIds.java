package dev.orderflow.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in the UUID form most AWS services send as {@code x-amzn-RequestId}. Unique enough
 * for correlating logs, without the secure random source {@link UUID#randomUUID()} locks on.
 */
public final class RequestIds {
    private RequestIds() {}

    /** A random version-4 UUID string. */
    public static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
