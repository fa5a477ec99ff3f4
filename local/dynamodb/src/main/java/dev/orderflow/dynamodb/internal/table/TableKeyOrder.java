package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The order in which DynamoDB returns index items that share their index key values, and in which a
 * Scan returns partitions ({@link PartitionKey}): not by key value but by a hash of it. The hash
 * (MD5 over a fixed prefix, then the key's bytes; the first six hex digits) reproduces the order
 * recorded against DynamoDB in the dynalite project's index Query cases (see
 * conformance/functional/Query.json). String and binary keys use their bytes; for a number key the
 * canonical text stands in for DynamoDB's internal number encoding, so numeric table keys may order
 * differently from AWS.
 */
final class TableKeyOrder {
    private static final byte[] PREFIX = "Outliers".getBytes(StandardCharsets.US_ASCII);

    /** A digest with the prefix already fed; each key works on a clone (no provider lookup). */
    private static final MessageDigest PREFIXED = prefixed();

    private TableKeyOrder() {}

    static String of(AttributeValue hash, AttributeValue range) {
        return HexFormat.of().formatHex(digest(hash, range), 0, 3);
    }

    /** The same six hex digits as a number: a partition key value's place in the hash space. */
    static int hash(AttributeValue value) {
        byte[] d = digest(value, null);
        return (d[0] & 0xff) << 16 | (d[1] & 0xff) << 8 | (d[2] & 0xff);
    }

    private static byte[] digest(AttributeValue hash, AttributeValue range) {
        MessageDigest md5;
        try {
            md5 = (MessageDigest) PREFIXED.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 digest is cloneable", e);
        }
        md5.update(bytes(hash));
        if (range != null) {
            md5.update(bytes(range));
        }
        return md5.digest();
    }

    private static MessageDigest prefixed() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(PREFIX);
            return md5;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    private static byte[] bytes(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        return ((AttributeValue.N) v).text().getBytes(StandardCharsets.US_ASCII);
    }
}
