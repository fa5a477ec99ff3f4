package dev.orderflow.cloud.internal.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.protocol.HttpCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the payload format 2.0 event API Gateway sends to a Lambda proxy integration. */
final class HttpEventFactory {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private final String apiId;
    private final String accountId;

    HttpEventFactory(String apiId, String accountId) {
        this.apiId = apiId;
        this.accountId = accountId;
    }

    ObjectNode create(
            HttpCall call,
            RouteTable.Match match,
            String requestId,
            Instant now,
            Map<String, Object> claims,
            List<String> scopes) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        byte[] body = call.body();
        String rawPath = call.path();
        event.put("rawPath", rawPath);
        String rawQuery = call.query();
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);

        ObjectNode headers = Json.object();
        ArrayNode cookies = Json.mapper().createArrayNode();
        call.headerValues()
                .forEach(
                        (name, values) -> {
                            String lower = name.toLowerCase(Locale.ROOT);
                            if (lower.equals("cookie")) {
                                values.forEach(
                                        v -> {
                                            // limit 0: a trailing ";" adds no empty cookie
                                            for (String c : v.split(";\\s*", 0)) {
                                                cookies.add(c);
                                            }
                                        });
                            } else {
                                headers.put(lower, String.join(",", values));
                            }
                        });
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        ObjectNode ctx = event.putObject("requestContext");
        ctx.put("accountId", accountId);
        ctx.put("apiId", apiId);
        if (claims != null) {
            ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach((k, v) -> c.put(k, flatten(v)));
            if (scopes == null) {
                jwt.putNull("scopes");
            } else {
                ArrayNode s = jwt.putArray("scopes");
                scopes.forEach(s::add);
            }
        }
        String host = call.header("host");
        String domain = host == null ? "localhost" : host.split(":", -1)[0];
        ctx.put("domainName", domain);
        ctx.put("domainPrefix", domain.split("\\.", -1)[0]);
        ObjectNode http = ctx.putObject("http");
        http.put("method", call.method());
        http.put("path", rawPath);
        http.put("protocol", call.protocol());
        http.put("sourceIp", call.remoteAddress());
        String ua = call.header("user-agent");
        http.put("userAgent", ua == null ? "" : ua);
        ctx.put("requestId", requestId);
        ctx.put("routeKey", match.route().routeKey());
        ctx.put("stage", "$default");
        ctx.put("time", TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        if (!match.pathParameters().isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            match.pathParameters().forEach(p::put);
        }
        if (body.length > 0) {
            String type = call.header("content-type");
            boolean text = isText(type);
            event.put(
                    "body",
                    text
                            ? new String(body, StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway passes claims as strings; arrays become {@code "[a b]"}. */
    static String flatten(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : " ").append(list.get(i));
            }
            return out.append(']').toString();
        }
        if (value instanceof java.util.Date date) { // Nimbus gives exp, iat and nbf as Date
            return String.valueOf(date.toInstant().getEpochSecond());
        }
        if (value instanceof Map) {
            return Json.text(Json.mapper().valueToTree(value));
        }
        return String.valueOf(value);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/")
                || t.contains("json")
                || t.contains("xml")
                || t.contains("javascript")
                || t.contains("x-www-form-urlencoded");
    }

    /** Repeated keys are joined with commas, as in payload format 2.0. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(k, v, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String s) {
        return MalformedPercentEncoding.decode(s);
    }
}
