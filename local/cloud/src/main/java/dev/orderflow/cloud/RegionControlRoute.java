package dev.orderflow.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.edge.ProblemAnswers;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;

/**
 * The local-only control of {@link LocalRegions} on every region's edge, which {@code ./orderflow
 * region down|up} calls: {@code GET /_orderflow/regions} (the regions, their state and endpoints),
 * {@code POST /_orderflow/regions/{region}/down} and {@code .../up}. Errors are {@code
 * application/problem+json}. A region is not taken down through its own edge, which stops with it.
 */
final class RegionControlRoute implements EdgeRouter.LocalRoute {

    static final String PATH = "/_orderflow/regions";

    private final LocalRegions regions;
    private final int ownEdgePort;

    RegionControlRoute(LocalRegions regions, int ownEdgePort) {
        this.regions = regions;
        this.ownEdgePort = ownEdgePort;
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        if (call.path().equals(PATH) || call.path().equals(PATH + "/")) {
            return call.method().equals("GET")
                    ? json(200, status())
                    : problem(405, "method-not-allowed", "use GET " + PATH);
        }
        String[] parts = call.path().substring(PATH.length() + 1).split("/", -1);
        if (parts.length != 2 || !(parts[1].equals("down") || parts[1].equals("up"))) {
            return problem(
                    404, "not-found", "no such route: use POST " + PATH + "/{region}/down or /up");
        }
        if (!call.method().equals("POST")) {
            return problem(405, "method-not-allowed", "use POST " + call.path());
        }
        String region = parts[0];
        if (!regions.names().contains(region)) {
            return problem(
                    404,
                    "unknown-region",
                    "no region " + region + " in this stack (regions: " + regions.names() + ")");
        }
        boolean down = parts[1].equals("down");
        if (down == !regions.isUp(region)) {
            return problem(
                    409,
                    "invalid-region-state",
                    "region " + region + " is " + (down ? "down" : "up") + " already");
        }
        if (down && regions.names().stream().filter(regions::isUp).count() == 1) {
            return problem(
                    409,
                    "invalid-region-state",
                    "region " + region + " is the only region up: one must stay up");
        }
        if (down && regions.edgeEndpoint(region).getPort() == ownEdgePort) {
            return problem(
                    409,
                    "own-edge",
                    "region "
                            + region
                            + " cannot be taken down through its own edge: send this to another"
                            + " region's edge");
        }
        try {
            if (down) {
                regions.down(region);
            } else {
                regions.up(region);
            }
        } catch (IllegalStateException e) {
            return problem(409, "invalid-region-state", e.getMessage());
        } catch (LocalCloudException e) {
            return problem(503, "region-cannot-start", e.getMessage());
        }
        return json(200, status());
    }

    private ObjectNode status() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("regions");
        for (String name : regions.names()) {
            ObjectNode r = list.addObject().put("name", name);
            r.put("state", regions.isUp(name) ? "up" : "down");
            r.put("edge", regions.edgeEndpoint(name).toString());
            regions.gatewayEndpoint(name)
                    .ifPresentOrElse(api -> r.put("api", api.toString()), () -> r.putNull("api"));
        }
        out.put("replicationLagMs", regions.replicationLag().toMillis());
        ObjectNode tables = out.putObject("replicatedTables");
        regions.replicatedTables().forEach((table, c) -> tables.put(table, c.name()));
        return out;
    }

    private static HttpAnswer json(int status, ObjectNode body) {
        return HttpAnswer.of(status, "application/json", Json.bytes(body));
    }

    private static HttpAnswer problem(int status, String type, String detail) {
        return ProblemAnswers.of(status, type, detail);
    }
}
