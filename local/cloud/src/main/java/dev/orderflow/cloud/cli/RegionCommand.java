package dev.orderflow.cloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.RegionNames;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./orderflow region down|up REGION}: asks the running {@code up --regions} to stop or
 * restart one region. The command finds the stack on the edge ports from {@code --port} (its first
 * region's) up, since the first region may be the one that is down, and sends the command to the
 * edge of a region that stays up.
 */
final class RegionCommand {

    private static final String PATH = "/_orderflow/regions";

    private final PrintStream out;

    RegionCommand(PrintStream out, PrintStream err) {
        this.out = out;
    }

    int run(Options o) {
        String action = o.word(1, "down or up (region down REGION | region up REGION)");
        if (!action.equals("down") && !action.equals("up")) {
            throw new IllegalArgumentException("region takes down or up, not " + action);
        }
        String region =
                RegionNames.checkName(o.word(2, "the region (region " + action + " REGION)"));
        int base = o.port("port", 4566);
        Stack stack = find(base);
        List<String> names = new ArrayList<>();
        stack.status().path("regions").forEach(r -> names.add(r.path("name").asText()));
        if (!names.contains(region)) {
            throw new IllegalArgumentException(
                    "the running stack has no region " + region + " (its regions: " + names + ")");
        }
        EdgeCalls via = via(stack, region);
        try {
            HttpResponse<String> r = via.post(PATH + "/" + region + "/" + action, "");
            JsonNode body = Json.parse(r.body());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(body.path("detail").asText(r.body()));
            }
            for (JsonNode each : body.path("regions")) {
                if (each.path("name").asText().equals(region)) {
                    out.println(
                            "region "
                                    + region
                                    + " is "
                                    + each.path("state").asText()
                                    + (action.equals("down")
                                            ? " (its ports refuse connections; its data is kept): "
                                            : ": ")
                                    + "edge "
                                    + each.path("edge").asText()
                                    + ", HTTP API "
                                    + each.path("api").asText("none"));
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private record Stack(JsonNode status, int answeredOn) {}

    /** The stack of regions on the edge ports from {@code base}, or a clear error. */
    private static Stack find(int base) {
        Optional<Integer> single = Optional.empty();
        for (int port = base; port < base + RegionNames.MAX; port++) {
            EdgeCalls edge = new EdgeCalls(port);
            try {
                HttpResponse<String> r = edge.get(PATH);
                if (r.statusCode() == 200) {
                    return new Stack(Json.parse(r.body()), port);
                }
                if (single.isEmpty() && edge.running()) {
                    single = Optional.of(port);
                }
            } catch (IOException nothingThere) {
                // a region that is down, or no stack at all: try the next port
            }
        }
        if (single.isPresent()) {
            throw new IllegalArgumentException(
                    "the local cloud on port "
                            + single.get()
                            + " runs one region: start it with ./orderflow up --regions A,B");
        }
        throw new IllegalArgumentException(
                "no local cloud with regions answers on ports "
                        + base
                        + "-"
                        + (base + RegionNames.MAX - 1)
                        + ": start one with ./orderflow up --regions A,B (or pass its --port)");
    }

    /** An edge of a region that stays up: a region is not stopped through its own edge. */
    private static EdgeCalls via(Stack stack, String target) {
        for (JsonNode r : stack.status().path("regions")) {
            if (r.path("state").asText().equals("up") && !r.path("name").asText().equals(target)) {
                return new EdgeCalls(java.net.URI.create(r.path("edge").asText()).getPort());
            }
        }
        // only the target is up: the control route refuses to take the last region down
        return new EdgeCalls(stack.answeredOn());
    }
}
