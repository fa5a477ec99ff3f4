package dev.orderflow.infra.constructs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The order saga, defined by {@code statemachines/order-fulfillment.asl.json} (the same file the
 * local runtime runs). The definition is inlined, not an S3 asset, so the synthesized template
 * carries it; every ARN, name and URL reaches it through {@code DefinitionSubstitutions}.
 */
public final class OrderWorkflow extends Construct {

    public final StateMachine stateMachine;
    public final LogGroup logGroup;

    /**
     * @param steps the saga's step functions, by the name of their {@code ${<name>FunctionArn}}
     *     placeholder; the state machine invokes their {@code live} aliases
     */
    public OrderWorkflow(
            Construct scope,
            String id,
            Path definition,
            DataTables tables,
            Messaging messaging,
            Map<String, ServiceFunction> steps) {
        super(scope, id);
        logGroup =
                LogGroup.Builder.create(this, "Logs")
                        // Step Functions needs a vended-logs group name to deliver to.
                        .logGroupName(
                                "/aws/vendedlogs/states/orderflow-"
                                        + software.amazon.awscdk.Names.uniqueId(this))
                        .retention(RetentionDays.THREE_MONTHS)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        stateMachine =
                StateMachine.Builder.create(this, "OrderFulfillment")
                        .stateMachineType(StateMachineType.STANDARD)
                        .definitionBody(DefinitionBody.fromString(read(definition)))
                        .definitionSubstitutions(substitutions(tables, messaging, steps))
                        .tracingEnabled(true)
                        .logs(
                                LogOptions.builder()
                                        .destination(logGroup)
                                        .level(LogLevel.ALL)
                                        .includeExecutionData(true)
                                        .build())
                        .build();
        Validations.of(stateMachine)
                .acknowledge(
                        Acknowledgment.builder()
                                .id("CloudFormation-Validate::E1029")
                                .reason(
                                        "The ${...} placeholders are DefinitionSubstitutions,"
                                                + " resolved by CloudFormation for Step Functions.")
                                .build());
        // Exactly what the definition's Task states call, on exactly these resources.
        stateMachine.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of("dynamodb:UpdateItem"))
                        .resources(List.of(tables.orders.getTableArn()))
                        .build());
        messaging.fulfillmentRequests.grantSendMessages(stateMachine);
        messaging.notifications.grantSendMessages(stateMachine);
        stateMachine.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of("lambda:InvokeFunction"))
                        .resources(
                                steps.values().stream().map(f -> f.live.getFunctionArn()).toList())
                        .build());
    }

    private static Map<String, String> substitutions(
            DataTables tables, Messaging messaging, Map<String, ServiceFunction> steps) {
        Map<String, String> values = new TreeMap<>();
        values.put("OrdersTableName", tables.orders.getTableName());
        values.put("FulfillmentQueueUrl", messaging.fulfillmentRequests.getQueueUrl());
        values.put("NotificationsQueueUrl", messaging.notifications.getQueueUrl());
        steps.forEach((name, fn) -> values.put(name + "FunctionArn", fn.live.getFunctionArn()));
        return values;
    }

    private static String read(Path definition) {
        try {
            return Files.readString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state machine definition " + definition, e);
        }
    }
}
