package dev.orderflow.dynamodb.internal.pipeline;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids in DynamoDB's form: 52 characters of {@code [0-9A-Z]}. A random prefix per server and
 * a counter keep them unique without a random draw per request.
 */
final class RequestIds {
    private static final int LENGTH = 52;
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    RequestIds() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 13; i++) {
            sb.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        this.prefix = sb.toString();
    }

    String next() {
        String n = Long.toString(counter.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(LENGTH - prefix.length() - n.length()) + n;
    }
}
