package dev.orderflow.cloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.cli.load.LoadPlan;
import dev.orderflow.cloud.cli.load.LoadRun;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/** {@code ./orderflow load}: places orders against the running local stack and reports. */
final class LoadCommand {

    private final PrintStream out;
    private final PrintStream err;

    LoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) {
        int orders = o.wholeNumber("orders", 200);
        LoadPlan plan =
                new LoadPlan(
                        orders,
                        o.wholeNumber("concurrency", 8),
                        o.get("sku").orElse("MUG-BLUE"),
                        o.get("address").orElse("DE-BY"),
                        o.flag("stock-up") ? o.wholeNumber("stock-up-units", orders) : 0,
                        o.get("center").orElse("FC-MUC"),
                        Duration.ofSeconds(o.wholeNumber("deadline", 120)));
        EdgeCalls edge = new EdgeCalls(o.port("port", 4566));
        try {
            JsonNode status = Json.parse(edge.get("/_local/status").body());
            if (!status.hasNonNull("gateway")) {
                throw new IllegalArgumentException("the running stack has no HTTP API");
            }
            URI api = URI.create(status.get("gateway").asText());
            return new LoadRun(plan, api, edge.edge(), out, err).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
