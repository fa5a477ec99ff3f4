package dev.orderflow.cloud.cli;

import java.io.PrintStream;

/** Dispatches {@code ./orderflow} commands. */
public final class Cli {

    /** Returned by {@code up}: the JVM keeps serving until Ctrl-C. */
    public static final int KEEP_RUNNING = -1;

    static final String USAGE =
            """
            usage: ./orderflow <command> [options]

              up [--port 4566] [--api-port 3000] [--data-dir DIR] [--seed] [--no-throttle]
                 [--template cdk.out/Orderflow-dev.template.json] [--code JAR]
                 [--env NAME=VALUE]...
                    boot the stack locally; Ctrl-C stops it. --no-throttle turns the
                    stage's rate limit (meant for AWS) off, for load tests; --env sets a
                    variable in every function's environment over the template's
                    (e.g. NOTIFIER=http MAIL_API_URL=... for a local mail catcher)
              up --regions eu-central-1,us-east-1 [--replication-lag-ms 1000]
                 [--stock-consistency strong] [the options of up]
                    one stack per region (2 to 5, the first is the primary) in one JVM:
                    region i on edge port --port + i and HTTP API port --api-port + i;
                    tables tagged orderflow:replication=global replicate after the lag;
                    strong (exactly three regions) replicates Inventory with strong
                    consistency and sets STOCK_CONSISTENCY=strong in every function
              region down REGION | region up REGION [--port 4566]
                    stop one region of the running `up --regions` (its ports refuse
                    connections, its data is kept) or boot it again on the same ports
              load [--orders 200] [--concurrency 8] [--sku MUG-BLUE] [--address DE-BY]
                   [--stock-up] [--stock-up-units N] [--center FC-MUC] [--deadline 120]
                    place orders through the HTTP API of the running stack and report
                    orders/s, latencies and outcomes; --stock-up first adds --orders units
                    (or --stock-up-units) at --center; exits 1 if an order is not
                    accepted or not final --deadline seconds after the last POST
              invoke FUNCTION --event events/apigw-get-health.json [--port 4566]
                    invoke a function (name, ARN or logical id prefix such as Health)
              token --user U [--scope S]... [--group G]... [--ttl SECONDS] [--port 4566]
                    mint an access token the HTTP API's JWT authorizer accepts
              executions [list | describe ARN | history ARN] [--port 4566]
                    Step Functions executions of the running stack
              simulate flash-sale [--rate 10000] [--hot-share 0.95] [--shards 16]
                   [--seconds 60] [--products 1000] [--centers 4] [--customers 1000000]
                   [--status-shards 8] [--ship-after 1] [--split-after 5]
                   [--initial-partitions 4] [--seed 18]
                    model a flash sale's DynamoDB partitions and AWS quotas second by
                    second (no stack needed; see docs/capacity.md); the last line names
                    the hottest partition's write load and the quotas the sale reaches
            """;

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.words.isEmpty() || options.flag("help")) {
            out.print(USAGE);
            return options.words.isEmpty() && !options.flag("help") ? 2 : 0;
        }
        try {
            return switch (options.words.get(0)) {
                case "up" -> new UpCommand(out, err).run(options);
                case "invoke" -> new InvokeCommand(out, err).run(options);
                case "token" -> new TokenCommand(out, err).run(options);
                case "load" -> new LoadCommand(out, err).run(options);
                case "executions" -> new ExecutionsCommand(out, err).run(options);
                case "region" -> new RegionCommand(out, err).run(options);
                case "simulate" -> new SimulateCommand(out).run(options);
                default -> {
                    err.println("unknown command " + options.words.get(0));
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
