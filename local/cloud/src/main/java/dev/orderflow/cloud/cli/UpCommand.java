package dev.orderflow.cloud.cli;

import dev.orderflow.cloud.BootReport;
import dev.orderflow.cloud.LocalCloud;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code ./orderflow up}: boots the stack and serves until Ctrl-C. */
final class UpCommand {

    private final PrintStream out;
    private final PrintStream err;

    UpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) {
        if (o.get("regions").isPresent()) {
            return new RegionsUpCommand(out, err).run(o);
        }
        for (String multiRegionOnly : List.of("replication-lag-ms", "stock-consistency")) {
            if (o.get(multiRegionOnly).isPresent()) {
                throw new IllegalArgumentException("--" + multiRegionOnly + " needs --regions");
            }
        }
        long t0 = System.nanoTime();
        LocalCloud.Builder builder =
                LocalCloud.builder()
                        .template(
                                Path.of(
                                        o.get("template")
                                                .orElse("cdk.out/Orderflow-dev.template.json")))
                        .edgePort(o.port("port", 4566))
                        .gatewayPort(o.port("api-port", 3000));
        o.get("data-dir").map(Path::of).ifPresent(builder::dataDir);
        o.get("code").map(Path::of).ifPresent(builder::functionCode);
        o.get("region").ifPresent(builder::region);
        builder.stageThrottle(!o.flag("no-throttle"));
        for (String variable : o.all("env")) {
            int eq = variable.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env needs NAME=VALUE, got " + variable);
            }
            builder.functionEnvironment(variable.substring(0, eq), variable.substring(eq + 1));
        }
        LocalCloud cloud = builder.start();
        StopOnExit stop = new StopOnExit(cloud, "the local cloud", o.get("data-dir"), err);
        if (o.flag("seed")) {
            int n = cloud.seedDemoCatalog();
            out.println(
                    "seeded "
                            + n
                            + " demo products into "
                            + cloud.physicalId("DataProducts").orElse("?"));
        }
        if (o.flag("no-throttle")) {
            out.println("stage throttling of the HTTP API is off (--no-throttle)");
        }
        print(cloud, Duration.ofNanos(System.nanoTime() - t0));
        stop.awaitStop();
        return 0;
    }

    private void print(LocalCloud cloud, Duration ready) {
        BootReport report = cloud.report();
        out.println();
        out.println("orderflow local cloud is up in " + ready.toMillis() + " ms");
        out.println();
        out.println("Emulated:");
        report.emulated().forEach(l -> out.println("  " + l));
        out.println("Ignored (no local behaviour):");
        report.ignored().forEach(l -> out.println("  " + l));
        if (!report.unsupported().isEmpty()) {
            out.println("UNSUPPORTED (not emulated, check before relying on them):");
            report.unsupported().forEach(l -> out.println("  " + l));
        }
        String edge = cloud.edgeEndpoint().toString();
        String api;
        try {
            api = cloud.gatewayEndpoint().toString();
        } catch (RuntimeException none) {
            api = null;
        }
        out.println();
        out.println("Endpoints:");
        out.println("  AWS edge (DynamoDB, SQS, Step Functions, Lambda): " + edge);
        out.println(
                "    export AWS_ENDPOINT_URL="
                        + edge
                        + " AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
        out.println(
                "  JWKS of the local issuer:                           "
                        + edge
                        + "/_local/jwks.json");
        out.println("  Console (executions, queues, tables, functions):    " + edge + "/_console/");
        if (api != null) {
            out.println("  HTTP API:                                           " + api);
            String token =
                    cloud.token(
                            "demo",
                            List.of("orderflow/admin"),
                            List.of("admins"),
                            Duration.ofHours(12));
            out.println();
            out.println("Try:");
            out.println("  curl -s " + api + "/health");
            out.println("  curl -s '" + api + "/products?limit=3'");
            out.println(
                    "  TOKEN=$(./orderflow token --user alice --scope orderflow/admin --group admins)");
            out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + api + "/me");
            out.println();
            out.println("A token for user 'demo' (admins, orderflow/admin; valid 12 h):");
            out.println("  " + token);
        }
        out.println();
        out.println("Ctrl-C stops.");
        out.flush();
    }
}
