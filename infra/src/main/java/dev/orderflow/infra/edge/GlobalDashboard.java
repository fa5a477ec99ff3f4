package dev.orderflow.infra.edge;

import dev.orderflow.infra.config.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.constructs.Construct;

/**
 * One dashboard over every region: orders placed and server errors per region (the functions' EMF
 * metrics), what the edge web ACL allowed and blocked, and how far each global table's replicas
 * lag. It names metrics by their fixed names and dimensions only (service, web ACL, table names),
 * so the edge stack needs nothing from the regional stacks, which depend on it.
 */
public final class GlobalDashboard extends Construct {

    /** The dimension Powertools gives every metric: the service name. */
    private static final Map<String, String> SERVICE = Map.of("Service", "orderflow");

    private static final List<String> GLOBAL_TABLES =
            List.of("orders", "products", "fulfillment-centers");

    public final Dashboard dashboard;

    public GlobalDashboard(
            Construct scope, String id, String environmentName, Topology topology, String webAcl) {
        super(scope, id);
        dashboard =
                Dashboard.Builder.create(this, "Dashboard")
                        .dashboardName("orderflow-" + environmentName + "-global")
                        .build();
        dashboard.addWidgets(
                graph("Orders placed per region", perRegion(topology, "OrdersPlaced")),
                graph("API server errors per region", perRegion(topology, "ServerErrors")));
        dashboard.addWidgets(
                graph(
                        "Edge web ACL",
                        List.of(waf(webAcl, "AllowedRequests"), waf(webAcl, "BlockedRequests"))),
                graph("Replication latency (ms)", replicationLatency(environmentName, topology)));
    }

    private static List<IMetric> perRegion(Topology topology, String name) {
        return topology.regions().stream()
                .map(
                        region ->
                                (IMetric)
                                        Metric.Builder.create()
                                                .namespace("Orderflow")
                                                .metricName(name)
                                                .dimensionsMap(SERVICE)
                                                .region(region)
                                                .label(region)
                                                .statistic("Sum")
                                                .period(Duration.minutes(1))
                                                .build())
                .toList();
    }

    private static IMetric waf(String webAcl, String name) {
        // CloudFront web ACLs report in us-east-1, with no Region dimension.
        return Metric.Builder.create()
                .namespace("AWS/WAFV2")
                .metricName(name)
                .dimensionsMap(Map.of("WebACL", webAcl, "Rule", "ALL"))
                .region(Topology.EDGE_REGION)
                .statistic("Sum")
                .period(Duration.minutes(1))
                .build();
    }

    /** Each global table's lag from every region to every other, as each sending region sees it. */
    private static List<IMetric> replicationLatency(String environmentName, Topology topology) {
        List<IMetric> metrics = new ArrayList<>();
        for (String table : GLOBAL_TABLES) {
            for (String from : topology.regions()) {
                for (String to : topology.regions()) {
                    if (!from.equals(to)) {
                        metrics.add(
                                Metric.Builder.create()
                                        .namespace("AWS/DynamoDB")
                                        .metricName("ReplicationLatency")
                                        .dimensionsMap(
                                                Map.of(
                                                        "TableName",
                                                        "orderflow-"
                                                                + environmentName
                                                                + "-"
                                                                + table,
                                                        "ReceivingRegion",
                                                        to))
                                        .region(from)
                                        .label(table + " " + from + " → " + to)
                                        .statistic("Average")
                                        .period(Duration.minutes(1))
                                        .build());
                    }
                }
            }
        }
        return metrics;
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }
}
