package dev.orderflow.cloud;

import dev.orderflow.cloud.ApiOperations.Access;
import dev.orderflow.cloud.ApiOperations.Operation;
import dev.orderflow.cloud.ApiOperations.Param;
import dev.orderflow.cloud.Probe.Expect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bad requests for one operation, each the operation's good request with one thing made bad: the
 * token, a path value, a query value, a header, or the body ({@link BadBodies}).
 */
final class BadRequests {

    private final Operation op;
    private final BadTokens tokens;

    BadRequests(Operation op, BadTokens tokens) {
        this.op = op;
        this.tokens = tokens;
    }

    /**
     * Every kind of bad request once, then kinds drawn at random until {@code budget} requests;
     * none when the operation reads nothing a caller could get wrong.
     */
    List<Probe> draw(Random random, int budget) {
        List<Function<Random, Probe>> kinds = kinds();
        List<Probe> probes = new ArrayList<>();
        if (kinds.isEmpty()) {
            return probes;
        }
        kinds.forEach(k -> probes.add(k.apply(random)));
        while (probes.size() < budget) {
            probes.add(kinds.get(random.nextInt(kinds.size())).apply(random));
        }
        return probes;
    }

    private List<Function<Random, Probe>> kinds() {
        List<Function<Random, Probe>> kinds = new ArrayList<>();
        if (op.access() != Access.PUBLIC) {
            for (BadTokens.BadToken bad :
                    tokens.kinds(op.access() == Access.ADMIN || op.access() == Access.WAREHOUSE)) {
                kinds.add(
                        r ->
                                good(op.sample().path(), op.sample().query())
                                        .with(
                                                "token: " + bad.label(),
                                                "Authorization",
                                                bad.header().apply(r))
                                        .expecting(bad.expect()));
            }
        }
        for (Param p : op.params("path")) {
            kinds.add(r -> badPath(p, r));
        }
        for (Param p : op.params("query")) {
            kinds.add(r -> badQuery(p, r));
            if (p.required()) {
                Map<String, String> query = new LinkedHashMap<>(op.sample().query());
                query.remove(p.name());
                kinds.add(
                        r ->
                                relabel(
                                        good(op.sample().path(), query),
                                        "query " + p.name() + " missing"));
            }
        }
        for (Param p : op.params("header")) {
            kinds.add(r -> badHeader(p, r));
        }
        op.body()
                .ifPresent(
                        schema ->
                                new BadBodies(op.sample().body(), schema)
                                        .kinds()
                                        .forEach(k -> kinds.add(r -> withBody(k.apply(r)))));
        return kinds;
    }

    private Probe badPath(Param p, Random random) {
        List<String> encoded =
                List.of(
                        "%00",
                        "%20",
                        "..",
                        "%2E%2E",
                        "%2F",
                        "%C3%A9",
                        "%FF",
                        "%E2%80%AE",
                        "%ZZ",
                        "%",
                        "%E0%A4",
                        "a".repeat(2_000),
                        "'%20OR%20'1'='1");
        String value =
                random.nextBoolean()
                        ? encoded.get(random.nextInt(encoded.size()))
                        : encode(oddValue(p, random));
        Map<String, String> path = new LinkedHashMap<>(op.sample().path());
        path.put(p.name(), value);
        return relabel(good(path, op.sample().query()), "path " + p.name() + "=" + value)
                .expecting(Expect.PROBLEM_OR_GATEWAY);
    }

    /** An odd value that the parameter's pattern (or UUID format) refuses. */
    private static String oddValue(Param p, Random random) {
        if (p.schema().has("pattern")) {
            return Strings.notMatching(
                    random, Pattern.compile(p.schema().get("pattern").asText()), "A1");
        }
        String value = Strings.odd(random, 80);
        return isUuid(value) ? value + "!" : value;
    }

    private Probe badQuery(Param p, Random random) {
        // "~" is in no number, status name or cursor, so an odd value is never a good one.
        List<String> values =
                new ArrayList<>(List.of("~" + Strings.odd(random, 60), "x".repeat(3_000)));
        String type = p.schema().path("type").asText();
        if (type.equals("integer")) {
            values.addAll(List.of("abc", "1.5", "1e2", "9".repeat(40), "0x10", "-", "1,2"));
            if (p.schema().has("minimum")) {
                values.add(Long.toString(p.schema().get("minimum").asLong() - 1));
            }
            if (p.schema().has("maximum")) {
                values.add(Long.toString(p.schema().get("maximum").asLong() + 1));
            }
        }
        if (p.schema().has("enum")) {
            String first = p.schema().get("enum").get(0).asText();
            // Not its lower case: the list routes read status names case-insensitively.
            values.addAll(List.of(first + ",NOPE", "NOPE", first + "X"));
        }
        if (p.name().equals("cursor")) {
            values.add(
                    java.util.Base64.getUrlEncoder()
                            .encodeToString(
                                    "{\"pk\":{\"S\":\"x\"}}".getBytes(StandardCharsets.UTF_8)));
        }
        String value = values.get(random.nextInt(values.size()));
        Map<String, String> query = new LinkedHashMap<>(op.sample().query());
        query.put(p.name(), value);
        return relabel(good(op.sample().path(), query), "query " + p.name() + "=" + value);
    }

    private Probe badHeader(Param p, Random random) {
        List<String> values =
                new ArrayList<>(List.of("", "a b", "k".repeat(65), "x".repeat(5_000)));
        if (p.required()) {
            values.add(null);
        }
        String value = values.get(random.nextInt(values.size()));
        Probe good = good(op.sample().path(), op.sample().query());
        return good.with("header " + p.name() + "=" + value, p.name(), value);
    }

    private Probe withBody(BadBodies.BadBody bad) {
        Probe good = good(op.sample().path(), op.sample().query());
        Map<String, String> headers = new LinkedHashMap<>(good.headers());
        headers.put("Content-Type", bad.contentType());
        return new Probe(
                "body " + bad.label(),
                op.method(),
                good.target(),
                headers,
                bad.bytes(),
                Expect.PROBLEM);
    }

    /** The operation's good request, as its sample event makes it. */
    Probe good() {
        return relabel(good(op.sample().path(), op.sample().query()), "good request");
    }

    /** The good request with these path and query values, expecting a problem. */
    private Probe good(Map<String, String> pathValues, Map<String, String> query) {
        String path = op.path();
        for (var e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (var e : query.entrySet()) {
            target.append(separator)
                    .append(encode(e.getKey()))
                    .append('=')
                    .append(encode(e.getValue()));
            separator = '&';
        }
        Map<String, String> headers = new LinkedHashMap<>(op.sample().headers());
        if (op.access() != Access.PUBLIC) {
            headers.put("Authorization", "Bearer " + tokens.good(op.access()));
        }
        byte[] body = op.sample().body().getBytes(StandardCharsets.UTF_8);
        return new Probe("", op.method(), target.toString(), headers, body, Expect.PROBLEM);
    }

    private static Probe relabel(Probe probe, String label) {
        return new Probe(
                label,
                probe.method(),
                probe.target(),
                probe.headers(),
                probe.body(),
                probe.expect());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
