package dev.orderflow.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;

/**
 * The cdk-nag findings orderflow accepts, each with its reason. Anything not listed here fails the
 * build (see {@code OrderflowStackTest}).
 */
final class StackNagSuppressions {

    private StackNagSuppressions() {}

    static void apply(OrderflowStack stack) {
        stack.functions
                .all()
                .forEach(
                        (name, fn) ->
                                NagSuppressions.addResourceSuppressions(
                                        fn,
                                        List.of(
                                                suppress(
                                                        "AwsSolutions-IAM5",
                                                        "X-Ray's PutTraceSegments/PutTelemetryRecords, Step Functions'"
                                                                + " SendTaskSuccess/Failure/Heartbeat (the fulfillment worker) and"
                                                                + " DynamoDB Streams' ListStreams (the outbox relay) support no"
                                                                + " resource-level permissions; the log-stream wildcard is confined"
                                                                + " to the function's own log group.",
                                                        List.of(
                                                                "Resource::*",
                                                                "Resource::<"
                                                                        + logicalId(
                                                                                stack, fn.logGroup)
                                                                        + ".Arn>:*")),
                                                suppress(
                                                        "AwsSolutions-L1",
                                                        "orderflow targets the java21 runtime on purpose (SnapStart-tested,"
                                                                + " the build compiles for 17); moving to java25 is a tracked"
                                                                + " decision, not a default.",
                                                        List.of())),
                                        true));
        NagSuppressions.addResourceSuppressions(
                stack.workflow.stateMachine,
                List.of(
                        suppress(
                                "AwsSolutions-IAM5",
                                "X-Ray and CloudWatch Logs vended-delivery actions support no resource-level"
                                        + " permissions (AWS Step Functions logging/tracing docs).",
                                List.of("Resource::*"))),
                true);
        NagSuppressions.addResourceSuppressions(
                stack.messaging.orderStreamFailures,
                List.of(
                        suppress(
                                "AwsSolutions-SQS3",
                                "A dead-letter queue itself: the on-failure destination of the orders"
                                        + " stream's event source mapping, alarmed when not empty.",
                                List.of())),
                true);
        NagSuppressions.addResourceSuppressions(
                stack.api.publicRoutes(),
                List.of(
                        suppress(
                                "AwsSolutions-APIG4",
                                "Public by design: liveness, readiness (asked by Route 53 health checkers,"
                                        + " which send no token) and the public catalog. Every other route"
                                        + " uses the user pool JWT authorizer.",
                                List.of())),
                true);
        edge(stack);
        stack.identity.ifPresent(
                identity ->
                        NagSuppressions.addResourceSuppressions(
                                identity.userPool,
                                List.of(
                                        suppress(
                                                "AwsSolutions-COG2",
                                                "MFA is optional for shoppers (TOTP offered); requiring it would block"
                                                        + " checkout. Admin access is granted per user by the admins group.",
                                                List.of())),
                                true));
    }

    /** The findings of a region's edge (multi-region stacks only). */
    private static void edge(OrderflowStack stack) {
        stack.tables
                .streamLookups()
                .forEach(
                        lookup ->
                                NagSuppressions.addResourceSuppressions(
                                        lookup.role,
                                        List.of(
                                                suppress(
                                                        "AwsSolutions-IAM5",
                                                        "The log-stream wildcard is confined to the look-up's own log"
                                                                + " group (stream names are chosen by Lambda at run time);"
                                                                + " its only other permission is DescribeTable on one table.",
                                                        List.of())),
                                        true));
        stack.originVerify.ifPresent(
                origin ->
                        NagSuppressions.addResourceSuppressions(
                                origin.secret,
                                List.of(
                                        suppress(
                                                "AwsSolutions-SMG4",
                                                "No automatic rotation: CloudFront reads the value at deployment (a"
                                                        + " dynamic reference in the origin's header), so a rotation"
                                                        + " outside CloudFormation would lock CloudFront out of the API."
                                                        + " Rotate by changing the secret and redeploying (README).",
                                                List.of())),
                                true));
        stack.distribution.ifPresent(
                edge -> {
                    List<NagPackSuppression> findings = new java.util.ArrayList<>();
                    findings.add(
                            suppress(
                                    "AwsSolutions-CFR1",
                                    "No geo restriction: the shop sells to every country; the edge web ACL's"
                                            + " common rule set and per-IP rate rule filter abuse instead.",
                                    List.of()));
                    findings.add(
                            suppress(
                                    "AwsSolutions-CFR3",
                                    "No CloudFront standard access logging (it needs an ACL-enabled S3 bucket):"
                                            + " the edge web ACL logs every request CloudFront receives, blocked"
                                            + " ones included (aws-waf-logs-*), and the HTTP API's access log every"
                                            + " request forwarded.",
                                    List.of()));
                    if (stack.latencyRecords.isEmpty()) {
                        findings.add(
                                suppress(
                                        "AwsSolutions-CFR4",
                                        "Without -c domainName the distribution answers on CloudFront's default"
                                                + " *.cloudfront.net certificate, whose TLS security policy CloudFront"
                                                + " sets; with a domain it has its own certificate and TLSv1.2_2021.",
                                        List.of()));
                    }
                    NagSuppressions.addResourceSuppressions(edge.distribution, findings, true);
                });
    }

    private static String logicalId(
            OrderflowStack stack, software.constructs.IConstruct construct) {
        return stack.getLogicalId(
                (software.amazon.awscdk.CfnElement) construct.getNode().getDefaultChild());
    }

    private static NagPackSuppression suppress(String id, String reason, List<String> appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (!appliesTo.isEmpty()) {
            builder.appliesTo(List.copyOf(appliesTo));
        }
        return builder.build();
    }
}
