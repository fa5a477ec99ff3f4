package dev.orderflow.cloud.internal.gateway;

import dev.orderflow.cloud.internal.template.RouteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection (AWS docs "Working with routes for HTTP APIs"): the most specific match
 * wins; a method beats {@code ANY}; a greedy {@code {proxy+}} is the least specific path; {@code
 * $default} catches everything else.
 */
final class RouteTable {

    record Match(RouteSpec route, Map<String, String> pathParameters) {}

    private final List<RouteSpec> routes;

    RouteTable(List<RouteSpec> routes) {
        List<RouteSpec> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt(RouteTable::rank));
        this.routes = List.copyOf(sorted);
    }

    /** Lower is tried first. */
    private static int rank(RouteSpec route) {
        if (route.routeKey().equals("$default")) {
            return Integer.MAX_VALUE;
        }
        String[] parts = route.routeKey().split(" ", 2);
        String path = parts[1];
        int rank = 0;
        if (path.contains("+}")) {
            rank += 1_000_000 - path.length();
        } else {
            rank -= path.split("/").length * 100;
            rank += (int) path.chars().filter(c -> c == '{').count() * 10;
        }
        if (parts[0].equals("ANY")) {
            rank += 1;
        }
        return rank;
    }

    Optional<Match> match(String method, String path) {
        for (RouteSpec route : routes) {
            if (route.routeKey().equals("$default")) {
                return Optional.of(new Match(route, Map.of()));
            }
            String[] parts = route.routeKey().split(" ", 2);
            if (!parts[0].equals("ANY") && !parts[0].equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> params = matchPath(parts[1], path);
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** Whether some route exists for the path with another method (for 404 vs CORS decisions). */
    private static Map<String, String> matchPath(String pattern, String path) {
        String[] want = trim(pattern).split("/", -1);
        String[] got = trim(path).split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= got.length || got[i].isEmpty()) {
                    return null;
                }
                params.put(
                        segment.substring(1, segment.length() - 2),
                        String.join("/", java.util.Arrays.copyOfRange(got, i, got.length)));
                return params;
            }
            if (i >= got.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(segment.substring(1, segment.length() - 1), decode(got[i]));
            } else if (!segment.equals(got[i])) {
                return null;
            }
        }
        return want.length == got.length ? params : null;
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") && p.length() > 0 ? p.substring(0, p.length() - 1) : p;
    }

    private static String decode(String segment) {
        return MalformedPercentEncoding.decode(segment.replace("+", "%2B"));
    }
}
