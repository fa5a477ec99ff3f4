package dev.orderflow.cloud.cli.simulate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a partition key falls in a table's hash space. DynamoDB hashes the partition key with an
 * internal function it does not publish; MD5 of the key's UTF-8 bytes stands in for it. The first
 * 64 bits of the digest, read as an unsigned number, are the key's position; positions are stored
 * with the sign bit flipped so that Java's signed order of {@code long} is the unsigned order
 * (position {@link Long#MIN_VALUE} is hash 0, {@link Long#MAX_VALUE} is hash 2^64-1).
 */
public final class KeyHash {

    private KeyHash() {}

    /** The position of {@code key} in the hash space, in signed order. */
    public static long position(String key) {
        byte[] digest = md5().digest(key.getBytes(StandardCharsets.UTF_8));
        long top = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            top = (top << 8) | (digest[i] & 0xFF);
        }
        return top ^ Long.MIN_VALUE;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
