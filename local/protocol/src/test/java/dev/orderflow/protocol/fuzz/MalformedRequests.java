package dev.orderflow.protocol.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed AWS JSON 1.0 requests: each starts from a valid request of the
 * service and breaks one thing, from the JSON values (wrong types, missing, unknown and duplicate
 * fields, huge and deeply nested values, extreme numbers, invalid UTF-8) to the envelope (content
 * type, target, signature, bodies that are not JSON or over the size limit).
 */
public final class MalformedRequests {
    /** The ways a request is broken; each request gets one. */
    public enum Damage {
        WRONG_TYPE,
        MISSING_FIELD,
        UNKNOWN_FIELD,
        DUPLICATE_FIELD,
        HUGE_STRING,
        DEEP_VALUE,
        EXTREME_NUMBER,
        INVALID_UTF8,
        HOSTILE_STRING,
        BAD_CONTENT_TYPE,
        NOT_JSON,
        BAD_TARGET,
        BAD_SIGNATURE,
        OVERSIZED_BODY
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] EXTREME_NUMBERS = {
        "1e2147483648",
        "-1e2147483648",
        "1e-2147483649",
        "123456789012345678901234567890123456789012",
        "-0",
        "0.000000000000000000000000000000000000000000000000001",
        "1E+400",
        "9223372036854775808",
        "-9223372036854775809"
    };
    private static final String[] NOT_JSON = {
        "", "null", "[]", "\"text\"", "42", "{", "{\"a\":", "{\"a\" 1}", "<xml/>", "{}}", "\u0000"
    };
    private static final String[] CONTENT_TYPES = {
        "text/plain", "application/xml", "application/json; charset=ebcdic", "", "*/*", "garbage"
    };

    private final FuzzTarget target;
    private final Random random;
    private final List<String> operations;

    public MalformedRequests(FuzzTarget target, long seed) {
        this.target = target;
        this.random = new Random(seed);
        this.operations = new ArrayList<>(target.validRequests().keySet());
        operations.sort(String::compareTo); // the seed alone decides the sequence
    }

    /** The next {@code count} requests. */
    public List<RawRequest> next(int count) {
        List<RawRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The next request; oversized bodies are rare (one in 2,000) as they cost the most. */
    public RawRequest next() {
        String op = operations.get(random.nextInt(operations.size()));
        Damage[] kinds = Damage.values();
        Damage damage =
                random.nextInt(2000) == 0
                        ? Damage.OVERSIZED_BODY
                        : kinds[random.nextInt(kinds.length - 1)];
        ObjectNode request = (ObjectNode) parse(target.validRequests().get(op));
        String contentType = "application/x-amz-json-1.0";
        String targetHeader = target.targetPrefix() + "." + op;
        boolean signed = true;
        byte[] body;
        switch (damage) {
            case WRONG_TYPE -> body = bytes(replaceSomewhere(request, randomValue(0)));
            case MISSING_FIELD -> {
                removeSomewhere(request);
                body = bytes(request);
            }
            case UNKNOWN_FIELD -> {
                request.set("Unknown" + random.nextInt(100), randomValue(0));
                body = bytes(request);
            }
            case DUPLICATE_FIELD -> body = duplicateFirstField(request);
            case HUGE_STRING ->
                    body = bytes(replaceSomewhere(request, F.textNode("x".repeat(hugeLength()))));
            case DEEP_VALUE -> body = deepValue(request, 500 + random.nextInt(20_000));
            case EXTREME_NUMBER ->
                    body =
                            rawValue(
                                    request,
                                    EXTREME_NUMBERS[random.nextInt(EXTREME_NUMBERS.length)]);
            case INVALID_UTF8 -> body = invalidUtf8(request);
            case HOSTILE_STRING -> {
                List<String> hostile = target.hostileStrings();
                String text =
                        hostile.isEmpty()
                                ? "\u0000\uFFFF"
                                : hostile.get(random.nextInt(hostile.size()));
                body = bytes(replaceSomewhere(request, F.textNode(text)));
            }
            case BAD_CONTENT_TYPE -> {
                contentType =
                        random.nextInt(5) == 0
                                ? null
                                : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                body = bytes(request);
            }
            case NOT_JSON -> {
                body =
                        random.nextBoolean()
                                ? NOT_JSON[random.nextInt(NOT_JSON.length)].getBytes(
                                        StandardCharsets.UTF_8)
                                : randomBytes(1 + random.nextInt(200));
            }
            case BAD_TARGET -> {
                targetHeader =
                        switch (random.nextInt(6)) {
                            case 0 -> null;
                            case 1 -> target.targetPrefix() + ".NoSuchOperation";
                            case 2 -> target.targetPrefix() + ".";
                            case 3 -> "Other_2000." + op;
                            case 4 -> target.targetPrefix() + "." + "A".repeat(20_000);
                            default -> op;
                        };
                body = bytes(request);
            }
            case BAD_SIGNATURE -> {
                signed = false;
                body = bytes(request);
            }
            case OVERSIZED_BODY -> body = oversized(request);
            default -> throw new IllegalStateException("unknown damage " + damage);
        }
        return new RawRequest(damage + " " + op, http(body, contentType, targetHeader, signed));
    }

    private byte[] http(byte[] body, String contentType, String targetHeader, boolean signed) {
        StringBuilder head = new StringBuilder(512);
        head.append("POST / HTTP/1.1\r\nHost: localhost\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (targetHeader != null) {
            head.append("X-Amz-Target: ").append(targetHeader).append("\r\n");
        }
        head.append("X-Amz-Date: 20261202T120000Z\r\n");
        if (signed) {
            head.append("Authorization: AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20261202/us-east-1/")
                    .append(target.signingName())
                    .append("/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target,")
                    .append(" Signature=0123456789abcdef\r\n");
        } else if (random.nextBoolean()) {
            head.append("Authorization: AWS4-HMAC-SHA256 Credential=AKIDFUZZ\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Mostly up to 64 KB; one in ten up to 3 MB (within the body limit), which costs more. */
    private int hugeLength() {
        int max = random.nextInt(10) == 0 ? Math.min(3_000_000, target.maxBody() / 2) : 65_536;
        return 1 + random.nextInt(max);
    }

    /** Replaces a random value (a top-level field or one nested below it) by {@code value}. */
    private JsonNode replaceSomewhere(ObjectNode request, JsonNode value) {
        ObjectNode holder = randomObject(request);
        List<String> names = names(holder);
        if (names.isEmpty()) {
            holder.set("Field", value);
        } else {
            holder.set(names.get(random.nextInt(names.size())), value);
        }
        return request;
    }

    private void removeSomewhere(ObjectNode request) {
        ObjectNode holder = randomObject(request);
        List<String> names = names(holder);
        if (!names.isEmpty()) {
            holder.remove(names.get(random.nextInt(names.size())));
        }
    }

    /** The request itself or, half of the time, an object nested in it. */
    private ObjectNode randomObject(ObjectNode request) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(request, objects, 0);
        return random.nextBoolean() ? request : objects.get(random.nextInt(objects.size()));
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof ObjectNode o) {
            into.add(o);
        }
        for (JsonNode child : node) {
            collectObjects(child, into, depth + 1);
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> F.numberNode(random.nextInt());
            case 1 -> F.numberNode(random.nextDouble() * 1e300);
            case 2 -> F.booleanNode(random.nextBoolean());
            case 3 -> F.nullNode();
            case 4 -> F.textNode(randomText());
            case 5 -> F.textNode("");
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(randomText(), randomValue(depth + 1));
                }
                yield o;
            }
        };
    }

    private String randomText() {
        String[] parts = {
            "S", "N", "a", ":v", "#n", "$.x", "States.Format(", "\u00e9", "\uD83D\uDE00"
        };
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(5); i >= 0; i--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }

    private byte[] duplicateFirstField(ObjectNode request) {
        Iterator<String> names = request.fieldNames();
        String json = new String(bytes(request), StandardCharsets.UTF_8);
        if (!names.hasNext()) {
            return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        }
        String name = names.next();
        return ("{\"" + name + "\":" + randomValue(0) + "," + json.substring(1))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A value nested {@code depth} levels deep, written by hand: Jackson would refuse it. */
    private byte[] deepValue(ObjectNode request, int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(depth);
        return rawValue(request, deep);
    }

    /** The request with one top-level field's value replaced by raw JSON text. */
    private byte[] rawValue(ObjectNode request, String raw) {
        List<String> names = names(request);
        String name = names.isEmpty() ? "Field" : names.get(random.nextInt(names.size()));
        request.remove(name);
        String rest = new String(bytes(request), StandardCharsets.UTF_8);
        String field = "\"" + name + "\":" + raw;
        String json = rest.equals("{}") ? "{" + field + "}" : "{" + field + "," + rest.substring(1);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(ObjectNode request) {
        byte[] valid = bytes(replaceSomewhere(request, F.textNode("@@@@")));
        byte[][] broken = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}
        };
        byte[] bad = broken[random.nextInt(broken.length)];
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("@@@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.writeBytes(bad);
        out.write(valid, at + 4, valid.length - at - 4);
        return out.toByteArray();
    }

    private byte[] oversized(ObjectNode request) {
        request.put("Padding", "p".repeat(target.maxBody()));
        return bytes(request);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a valid template: " + json, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
