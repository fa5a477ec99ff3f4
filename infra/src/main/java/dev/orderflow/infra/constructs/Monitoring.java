package dev.orderflow.infra.constructs;

import dev.orderflow.infra.config.OrderflowConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Alarms on everything that means an order may be stuck or lost (a message in a DLQ, a failed or
 * timed-out execution, API 5xx, function errors and throttles), sent to one topic, plus a dashboard
 * of the same signals.
 */
public final class Monitoring extends Construct {

    public final Topic alarms;
    public final Dashboard dashboard;

    public Monitoring(
            Construct scope,
            String id,
            OrderflowConfig config,
            String dashboardName,
            HttpApiGateway api,
            OrderWorkflow workflow,
            Messaging messaging,
            Map<String, ServiceFunction> functions) {
        super(scope, id);
        alarms =
                Topic.Builder.create(this, "Alarms")
                        .displayName("orderflow " + config.environmentName() + " alarms")
                        .enforceSsl(true)
                        .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                        .build();
        config.alarmEmail()
                .ifPresent(email -> alarms.addSubscription(new EmailSubscription(email)));

        dashboard =
                Dashboard.Builder.create(this, "Dashboard").dashboardName(dashboardName).build();

        for (Queue dlq : messaging.deadLetterQueues()) {
            alarm(
                    dlq.getNode().getId() + "NotEmpty",
                    dlq.metricApproximateNumberOfMessagesVisible(period()),
                    0,
                    "A message could not be processed and waits in " + dlq.getNode().getId());
        }
        alarm(
                "ExecutionsFailed",
                workflow.stateMachine.metricFailed(sum()),
                0,
                "An order workflow execution failed");
        alarm(
                "ExecutionsTimedOut",
                workflow.stateMachine.metricTimedOut(sum()),
                0,
                "An order workflow execution timed out");
        alarm("Api5xx", api.api.metricServerError(sum()), 0, "The API answered 5xx");
        functions.forEach(
                (name, fn) -> {
                    alarm(
                            name + "Errors",
                            fn.function.metricErrors(sum()),
                            0,
                            name + " raised errors");
                    alarm(
                            name + "Throttles",
                            fn.function.metricThrottles(sum()),
                            0,
                            name + " was throttled");
                });

        ServiceFunction outboxRelay = functions.get("StartFulfillment");
        if (outboxRelay != null) {
            // Stream records waiting are placed orders whose workflow has not started yet.
            alarm(
                    "OrderStreamIteratorAge",
                    outboxRelay.function.metric("IteratorAge", period()),
                    Duration.minutes(5).toMilliseconds().doubleValue(),
                    "Placed orders wait more than 5 minutes for their workflow to start");
        }

        dashboard.addWidgets(
                graph(
                        "API",
                        List.of(
                                api.api.metricCount(sum()),
                                api.api.metricClientError(sum()),
                                api.api.metricServerError(sum()))),
                graph(
                        "Order workflow",
                        List.of(
                                workflow.stateMachine.metricStarted(sum()),
                                workflow.stateMachine.metricSucceeded(sum()),
                                workflow.stateMachine.metricFailed(sum()),
                                workflow.stateMachine.metricTimedOut(sum()))));
        dashboard.addWidgets(
                graph(
                        "Dead-letter queues",
                        messaging.deadLetterQueues().stream()
                                .map(
                                        q ->
                                                (IMetric)
                                                        q.metricApproximateNumberOfMessagesVisible(
                                                                period()))
                                .toList()),
                graph(
                        "Function errors",
                        functions.values().stream()
                                .map(f -> (IMetric) f.function.metricErrors(sum()))
                                .toList()));
    }

    private void alarm(String id, Metric metric, double threshold, String description) {
        Alarm alarm =
                Alarm.Builder.create(this, id)
                        .metric(metric)
                        .threshold(threshold)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .alarmDescription(description)
                        .build();
        alarm.addAlarmAction(new SnsAction(alarms));
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build();
    }

    private static MetricOptions period() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build();
    }
}
