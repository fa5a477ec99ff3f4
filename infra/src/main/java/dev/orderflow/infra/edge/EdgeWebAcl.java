package dev.orderflow.infra.edge;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * The WAF web ACL every region's CloudFront distribution uses: AWS's managed common rule set (the
 * OWASP-style baseline) and a per-IP rate limit, with every request it sees logged. CloudFront web
 * ACLs (scope {@code CLOUDFRONT}) exist only in us-east-1, hence the edge stack.
 */
public final class EdgeWebAcl extends Construct {

    /** Requests one client IP may send in any five minutes before WAF blocks it. */
    public static final int REQUESTS_PER_IP_PER_5_MINUTES = 2000;

    public final CfnWebACL webAcl;
    public final String name;

    public EdgeWebAcl(Construct scope, String id, String environmentName) {
        super(scope, id);
        name = "orderflow-" + environmentName;
        webAcl =
                CfnWebACL.Builder.create(this, "WebAcl")
                        .name(name)
                        .scope("CLOUDFRONT")
                        .defaultAction(
                                CfnWebACL.DefaultActionProperty.builder()
                                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                                        .build())
                        .visibilityConfig(visibility(name))
                        .rules(List.of(commonRuleSet(), ratePerIp()))
                        .build();
        // WAF delivers only to log groups named aws-waf-logs-*; the blocked requests, which never
        // reach an API's access log, are recorded here.
        LogGroup logs =
                LogGroup.Builder.create(this, "Logs")
                        .logGroupName("aws-waf-logs-" + name)
                        .retention(RetentionDays.THREE_MONTHS)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.getAttrArn())
                // The log group's ARN without the ":*" that LogGroup.logGroupArn ends in.
                .logDestinationConfigs(
                        List.of(
                                Stack.of(this)
                                        .formatArn(
                                                ArnComponents.builder()
                                                        .service("logs")
                                                        .resource("log-group")
                                                        .resourceName(logs.getLogGroupName())
                                                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                                        .build())))
                .build();
    }

    private static CfnWebACL.RuleProperty commonRuleSet() {
        return CfnWebACL.RuleProperty.builder()
                .name("AWSManagedRulesCommonRuleSet")
                .priority(0)
                .overrideAction(
                        CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
                .statement(
                        CfnWebACL.StatementProperty.builder()
                                .managedRuleGroupStatement(
                                        CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                                .vendorName("AWS")
                                                .name("AWSManagedRulesCommonRuleSet")
                                                .build())
                                .build())
                .visibilityConfig(visibility("common-rule-set"))
                .build();
    }

    private static CfnWebACL.RuleProperty ratePerIp() {
        return CfnWebACL.RuleProperty.builder()
                .name("RatePerIp")
                .priority(1)
                .action(
                        CfnWebACL.RuleActionProperty.builder()
                                .block(CfnWebACL.BlockActionProperty.builder().build())
                                .build())
                .statement(
                        CfnWebACL.StatementProperty.builder()
                                .rateBasedStatement(
                                        CfnWebACL.RateBasedStatementProperty.builder()
                                                .limit(REQUESTS_PER_IP_PER_5_MINUTES)
                                                .evaluationWindowSec(300)
                                                .aggregateKeyType("IP")
                                                .build())
                                .build())
                .visibilityConfig(visibility("rate-per-ip"))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metricName)
                .sampledRequestsEnabled(true)
                .build();
    }
}
