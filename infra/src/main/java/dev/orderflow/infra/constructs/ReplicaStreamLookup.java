package dev.orderflow.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.Logging;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The stream ARN of this region's replica of a global table, read at deployment by one {@code
 * DescribeTable} ({@code Table.LatestStreamArn}). A replica's stream ARN ends in a label DynamoDB
 * picks when it creates the replica: CloudFormation returns only the primary's ({@code
 * AWS::DynamoDB::GlobalTable}'s {@code StreamArn}), and CDK's {@code TableV2.replica(region)} gives
 * {@code .../stream/*}, which an event source mapping does not accept. The call runs with a role
 * that may describe only that table and write only to its own log group, and logs no response data.
 */
public final class ReplicaStreamLookup extends Construct {

    private final AwsCustomResource lookup;

    /** The role the look-up runs with. */
    public final Role role;

    ReplicaStreamLookup(Construct scope, String id, String tableName) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String tableArn =
                stack.formatArn(
                        software.amazon.awscdk.ArnComponents.builder()
                                .service("dynamodb")
                                .resource("table")
                                .resourceName(tableName)
                                .build());
        LogGroup logs =
                LogGroup.Builder.create(this, "Logs")
                        .retention(RetentionDays.ONE_MONTH)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        role =
                Role.Builder.create(this, "Role")
                        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                        .description("Reads the stream ARN of the " + tableName + " replica")
                        .build();
        role.addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":*"))
                        .build());
        AwsSdkCall describe =
                AwsSdkCall.builder()
                        .service("DynamoDB")
                        .action("describeTable")
                        .parameters(Map.of("TableName", tableName))
                        .physicalResourceId(PhysicalResourceId.of(tableName))
                        .outputPaths(List.of("Table.LatestStreamArn"))
                        .logging(Logging.withDataHidden())
                        .build();
        lookup =
                AwsCustomResource.Builder.create(this, "Describe")
                        .onCreate(describe)
                        .onUpdate(describe)
                        .role(role)
                        .logGroup(logs)
                        .installLatestAwsSdk(false)
                        .policy(
                                AwsCustomResourcePolicy.fromStatements(
                                        List.of(
                                                PolicyStatement.Builder.create()
                                                        .actions(List.of("dynamodb:DescribeTable"))
                                                        .resources(List.of(tableArn))
                                                        .build())))
                        .build();
    }

    /** The replica's {@code LatestStreamArn}, resolved at deployment. */
    String streamArn() {
        return lookup.getResponseField("Table.LatestStreamArn");
    }
}
