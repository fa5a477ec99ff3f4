package dev.orderflow.cloud.cli;

import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** {@code ./orderflow token}: asks the running local cloud's issuer for an access token. */
final class TokenCommand {

    private final PrintStream out;

    TokenCommand(PrintStream out, PrintStream err) {
        this.out = out;
    }

    int run(Options o) {
        String user =
                o.get("user").orElseThrow(() -> new IllegalArgumentException("--user is required"));
        StringBuilder query = new StringBuilder("/_local/token?user=").append(enc(user));
        o.all("scope").forEach(s -> query.append("&scope=").append(enc(s)));
        o.all("group").forEach(g -> query.append("&group=").append(enc(g)));
        o.get("ttl").ifPresent(t -> query.append("&ttl=").append(enc(t)));
        try {
            HttpResponse<String> r = new EdgeCalls(o.port("port", 4566)).get(query.toString());
            out.println(Json.parse(r.body()).path("access_token").asText());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
