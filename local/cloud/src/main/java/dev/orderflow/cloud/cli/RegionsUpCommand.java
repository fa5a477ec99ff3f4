package dev.orderflow.cloud.cli;

import dev.orderflow.cloud.LocalRegions;
import dev.orderflow.cloud.RegionNames;
import dev.orderflow.dynamodb.GlobalTables;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code ./orderflow up --regions a,b[,...]}: one stack per region, until Ctrl-C. */
final class RegionsUpCommand {

    private final PrintStream out;
    private final PrintStream err;

    RegionsUpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Checks the whole command line before anything boots: its mistakes exit with 2. */
    static LocalRegions.Builder builder(Options o) {
        List<String> regions = RegionNames.parse(o.get("regions").orElseThrow());
        if (o.get("region").isPresent()) {
            throw new IllegalArgumentException(
                    "--region and --regions exclude each other: the regions are --regions");
        }
        int lag = o.wholeNumber("replication-lag-ms", 1000);
        if (lag < 0) {
            throw new IllegalArgumentException("--replication-lag-ms cannot be negative");
        }
        GlobalTables.Consistency stock = stockConsistency(o);
        if (stock == GlobalTables.Consistency.STRONG) {
            RegionNames.checkStrongStock(regions);
        }
        LocalRegions.Builder builder =
                LocalRegions.builder()
                        .template(
                                Path.of(
                                        o.get("template")
                                                .orElse("cdk.out/Orderflow-dev.template.json")))
                        .regions(regions)
                        .edgePort(o.port("port", 4566))
                        .gatewayPort(o.port("api-port", 3000))
                        .replicationLag(Duration.ofMillis(lag))
                        .stockConsistency(stock)
                        .stageThrottle(!o.flag("no-throttle"));
        o.get("data-dir").map(Path::of).ifPresent(builder::dataDir);
        o.get("code").map(Path::of).ifPresent(builder::functionCode);
        for (String variable : o.all("env")) {
            int eq = variable.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env needs NAME=VALUE, got " + variable);
            }
            builder.functionEnvironment(variable.substring(0, eq), variable.substring(eq + 1));
        }
        return builder;
    }

    private static GlobalTables.Consistency stockConsistency(Options o) {
        String value = o.get("stock-consistency").orElse("eventual");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "eventual" -> GlobalTables.Consistency.EVENTUAL;
            case "strong" -> GlobalTables.Consistency.STRONG;
            default ->
                    throw new IllegalArgumentException(
                            "--stock-consistency is strong or eventual, not " + value);
        };
    }

    int run(Options o) {
        long t0 = System.nanoTime();
        LocalRegions.Builder builder = builder(o);
        LocalRegions regions = builder.start();
        StopOnExit stop = new StopOnExit(regions, "the regions", o.get("data-dir"), err);
        if (o.flag("seed")) {
            out.println(
                    "seeded "
                            + regions.seedDemoCatalog()
                            + " demo items (replicated tables in "
                            + regions.names().get(0)
                            + " only, the others in every region)");
        }
        print(regions, Duration.ofNanos(System.nanoTime() - t0), o);
        stop.awaitStop();
        return 0;
    }

    private void print(LocalRegions regions, Duration ready, Options o) {
        out.println();
        out.println(
                "orderflow local cloud is up in "
                        + regions.names().size()
                        + " regions in "
                        + ready.toMillis()
                        + " ms (each region's boot report: its edge's /_local/status; "
                        + "the single-region `up` prints it)");
        out.println();
        out.println("Regions (the first is the primary: its user pool's tokens work in all):");
        for (String name : regions.names()) {
            URI edge = regions.edgeEndpoint(name);
            out.println("  " + name);
            out.println("    AWS edge: " + edge);
            out.println(
                    "      export AWS_ENDPOINT_URL="
                            + edge
                            + " AWS_REGION="
                            + name
                            + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
            regions.gatewayEndpoint(name).ifPresent(api -> out.println("    HTTP API: " + api));
        }
        out.println();
        if (regions.replicatedTables().isEmpty()) {
            out.println(
                    "Replication: no table of the template is tagged "
                            + LocalRegions.REPLICATION_TAG
                            + "=global, so every table is regional (synthesize the template again)");
        } else {
            out.println(
                    "Replicated tables (EVENTUAL ones after "
                            + regions.replicationLag().toMillis()
                            + " ms):");
            regions.replicatedTables().forEach((t, c) -> out.println("  " + t + " " + c));
        }
        out.println(
                "Queues and messages of each region are in memory: kept across `region down`/`up`,"
                        + " not across a restart"
                        + o.get("data-dir")
                                .map(d -> " (the rest is kept in " + d + ")")
                                .orElse(""));
        out.println();
        out.println("A token for user 'demo' (admins, orderflow/admin; valid 12 h, every region):");
        out.println(
                "  "
                        + regions.token(
                                "demo",
                                List.of("orderflow/admin"),
                                List.of("admins"),
                                Duration.ofHours(12)));
        out.println();
        String last = regions.names().get(regions.names().size() - 1);
        out.println("Rehearse a failover: ./orderflow region down " + last);
        out.println("                     ./orderflow region up " + last);
        out.println();
        out.println("Ctrl-C stops.");
        out.flush();
    }
}
