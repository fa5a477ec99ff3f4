package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.infra.config.Adapters;
import dev.orderflow.infra.config.OrderflowConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The resources and settings the product depends on. */
class OrderflowStackTest {

    private final SynthesizedStack synth = SynthesizedStack.get();

    private JsonNode table(String idPrefix) {
        return synth.resources("AWS::DynamoDB::Table").stream()
                .filter(e -> e.getKey().startsWith("Data" + idPrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + idPrefix))
                .getValue()
                .get("Properties");
    }

    private static List<String> keySchema(JsonNode keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(
                k -> out.add(k.get("AttributeName").asText() + ":" + k.get("KeyType").asText()));
        return out;
    }

    @Test
    void tables_areOnDemandEncryptedAndRecoverable_withTheDocumentedKeys() {
        assertThat(synth.resources("AWS::DynamoDB::Table")).hasSize(6);
        for (var e : synth.resources("AWS::DynamoDB::Table")) {
            JsonNode p = e.getValue().get("Properties");
            assertThat(p.get("BillingMode").asText()).as(e.getKey()).isEqualTo("PAY_PER_REQUEST");
            assertThat(p.at("/SSESpecification/SSEEnabled").asBoolean()).as(e.getKey()).isTrue();
            assertThat(
                            p.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                                    .asBoolean())
                    .as(e.getKey())
                    .isTrue();
        }
        assertThat(keySchema(table("Orders").get("KeySchema")))
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(keySchema(table("Products").get("KeySchema"))).containsExactly("sku:HASH");
        assertThat(keySchema(table("Inventory").get("KeySchema")))
                .containsExactly("sku:HASH", "centerId:RANGE");
        assertThat(keySchema(table("FulfillmentCenters").get("KeySchema")))
                .containsExactly("centerId:HASH");
        assertThat(keySchema(table("Idempotency").get("KeySchema"))).containsExactly("id:HASH");
        assertThat(keySchema(table("OrderArchive").get("KeySchema")))
                .containsExactly("customerId:HASH", "placedKey:RANGE");
    }

    @Test
    void finishedOrders_expireByTtl_intoAnInfrequentAccessArchive_withoutTtl() {
        assertThat(table("Orders").at("/TimeToLiveSpecification/AttributeName").asText())
                .isEqualTo("expiresAt");
        JsonNode archive = table("OrderArchive");
        assertThat(archive.get("TableClass").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(archive.has("TimeToLiveSpecification")).isFalse();
        assertThat(archive.at("/LocalSecondaryIndexes/0/IndexName").asText())
                .isEqualTo("byOrderId");
        assertThat(archive.at("/LocalSecondaryIndexes/0/Projection/ProjectionType").asText())
                .isEqualTo("KEYS_ONLY");
        assertThat(environmentOf("ConfirmShipped").get("ORDER_RETENTION_DAYS").asText())
                .isEqualTo("365");
        assertThat(environmentOf("GetOrder").get("ORDER_ARCHIVE_TABLE").toString())
                .contains("DataOrderArchive");
    }

    @Test
    void theArchiver_readsOnlyTtlRemovalsOfOrderItems_fromTheOrdersStream() {
        JsonNode mapping = mappingFor("ArchiveOrderLive");
        JsonNode pattern;
        try {
            pattern =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(mapping.at("/FilterCriteria/Filters/0/Pattern").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        assertThat(pattern.at("/eventName/0").asText()).isEqualTo("REMOVE");
        assertThat(pattern.at("/userIdentity/type/0").asText()).isEqualTo("Service");
        assertThat(pattern.at("/userIdentity/principalId/0").asText())
                .isEqualTo("dynamodb.amazonaws.com");
        assertThat(pattern.at("/dynamodb/Keys/sk/S/0").asText()).isEqualTo("ORDER");
        assertThat(strings(mapping.get("FunctionResponseTypes")))
                .containsExactly("ReportBatchItemFailures");
    }

    @Test
    void ordersTable_hasCustomerAndStatusIndexes_andAStreamForTheOutbox() {
        JsonNode orders = table("Orders");
        Map<String, List<String>> indexes = new java.util.HashMap<>();
        orders.get("GlobalSecondaryIndexes")
                .forEach(
                        i ->
                                indexes.put(
                                        i.get("IndexName").asText(),
                                        keySchema(i.get("KeySchema"))));
        assertThat(indexes)
                .containsEntry("byCustomer", List.of("gsi1pk:HASH", "gsi1sk:RANGE"))
                .containsEntry("byStatus", List.of("gsi2pk:HASH", "gsi2sk:RANGE"));
        assertThat(orders.at("/StreamSpecification/StreamViewType").asText())
                .isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void idempotencyRecords_expireThroughTtl() {
        JsonNode ttl = table("Idempotency").get("TimeToLiveSpecification");
        assertThat(ttl.get("AttributeName").asText()).isEqualTo("expiresAt");
        assertThat(ttl.get("Enabled").asBoolean()).isTrue();
    }

    @Test
    void workQueues_redriveToADeadLetterQueue_andEveryQueueIsEncryptedAndTlsOnly() {
        var queues = synth.resources("AWS::SQS::Queue");
        assertThat(queues).hasSize(5);
        long redriven =
                queues.stream()
                        .filter(
                                q ->
                                        q.getValue()
                                                        .at(
                                                                "/Properties/RedrivePolicy/maxReceiveCount")
                                                        .asInt()
                                                == 5)
                        .count();
        assertThat(redriven).isEqualTo(2);
        queues.forEach(
                q ->
                        assertThat(q.getValue().at("/Properties/SqsManagedSseEnabled").asBoolean())
                                .as(q.getKey())
                                .isTrue());
        var policies = synth.resources("AWS::SQS::QueuePolicy");
        assertThat(policies).hasSize(5);
        policies.forEach(
                p ->
                        assertThat(
                                        p.getValue()
                                                .at(
                                                        "/Properties/PolicyDocument/Statement/0/Condition/Bool/aws:SecureTransport")
                                                .asText())
                                .isEqualTo("false"));
    }

    @Test
    void theOrdersStream_startsWorkflows_throughAFilteredBoundedMappingWithADeadLetterQueue() {
        JsonNode mapping = mappingFor("StartFulfillmentLive");
        assertThat(mapping.get("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.get("BatchSize").asInt()).isEqualTo(25);
        assertThat(mapping.get("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(mapping.get("MaximumRetryAttempts").asInt()).isEqualTo(5);
        assertThat(mapping.get("MaximumRecordAgeInSeconds").asInt()).isEqualTo(6 * 3600);
        assertThat(strings(mapping.get("FunctionResponseTypes")))
                .containsExactly("ReportBatchItemFailures");
        assertThat(mapping.at("/DestinationConfig/OnFailure/Destination").toString())
                .contains("MessagingOrderStreamDlq");
        assertThat(mapping.at("/FunctionName").toString()).contains("StartFulfillmentLive");
        String pattern = mapping.at("/FilterCriteria/Filters/0/Pattern").asText();
        assertThat(pattern)
                .isEqualTo(
                        "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[\"ORDER\"]}}}}");
        assertThat(synth.stack.messaging.deadLetterQueues().stream().map(q -> q.getNode().getId()))
                .contains("OrderStreamDlq");
        assertThat(synth.resources("AWS::CloudWatch::Alarm"))
                .anySatisfy(
                        a -> assertThat(a.getKey()).startsWith("MonitoringOrderStreamDlqNotEmpty"))
                .anySatisfy(
                        a -> assertThat(a.getKey()).startsWith("MonitoringOrderStreamIteratorAge"));
    }

    @Test
    void theWorkerQueues_feedTheirFunctions_withPartialBatchResponses() {
        JsonNode fulfillment = mappingFrom("MessagingFulfillmentRequests", "Arn");
        JsonNode notifications = mappingFrom("MessagingNotifications", "Arn");
        assertThat(fulfillment.at("/FunctionName").toString()).contains("FulfillShipmentLive");
        assertThat(notifications.at("/FunctionName").toString()).contains("NotifyCustomerLive");
        for (JsonNode mapping : List.of(fulfillment, notifications)) {
            assertThat(mapping.get("BatchSize").asInt()).isEqualTo(10);
            assertThat(mapping.get("MaximumBatchingWindowInSeconds").asInt()).isEqualTo(1);
            assertThat(strings(mapping.get("FunctionResponseTypes")))
                    .containsExactly("ReportBatchItemFailures");
        }
        assertThat(synth.resources("AWS::Lambda::EventSourceMapping")).hasSize(4);
    }

    @Test
    void theWorkers_getTheirConfiguration() {
        assertThat(environmentOf("StartFulfillment").get("STATE_MACHINE_ARN").toString())
                .contains(synth.resources("AWS::StepFunctions::StateMachine").get(0).getKey());
        assertThat(environmentOf("FulfillShipment").get("ORDERS_TABLE").toString())
                .contains("DataOrders");
        assertThat(environmentOf("NotifyCustomer").get("IDEMPOTENCY_TABLE").toString())
                .contains("DataIdempotency");
    }

    private JsonNode environmentOf(String function) {
        return synth.resources("AWS::Lambda::Function").stream()
                .filter(f -> f.getKey().startsWith(function + "Function"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function " + function))
                .getValue()
                .at("/Properties/Environment/Variables");
    }

    /** The properties of the one event source mapping whose source is that resource. */
    private JsonNode mappingFrom(String sourceIdPrefix, String attribute) {
        return synth.resources("AWS::Lambda::EventSourceMapping").stream()
                .map(m -> m.getValue().get("Properties"))
                .filter(
                        p -> {
                            JsonNode getAtt = p.at("/EventSourceArn/Fn::GetAtt");
                            return getAtt.isArray()
                                    && getAtt.get(0).asText().startsWith(sourceIdPrefix)
                                    && !getAtt.get(0).asText().contains("Dlq")
                                    && getAtt.get(1).asText().equals(attribute);
                        })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mapping from " + sourceIdPrefix));
    }

    /** The properties of the one event source mapping that invokes that function. */
    private JsonNode mappingFor(String functionIdPrefix) {
        return synth.resources("AWS::Lambda::EventSourceMapping").stream()
                .map(m -> m.getValue().get("Properties"))
                .filter(p -> p.get("FunctionName").toString().contains(functionIdPrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mapping to " + functionIdPrefix));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void functions_runJava21OnArm64_withSnapStartTracingAndTheirOwnLogGroup() {
        var functions = synth.resources("AWS::Lambda::Function");
        assertThat(functions).hasSize(synth.stack.functions.all().size());
        for (var f : functions) {
            JsonNode p = f.getValue().get("Properties");
            assertThat(p.get("Runtime").asText()).isEqualTo("java21");
            assertThat(p.get("Architectures").get(0).asText()).isEqualTo("arm64");
            assertThat(p.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
            assertThat(p.at("/TracingConfig/Mode").asText()).isEqualTo("Active");
            assertThat(p.at("/LoggingConfig/LogGroup").isMissingNode()).isFalse();
            assertThat(p.at("/Environment/Variables/POWERTOOLS_SERVICE_NAME").asText())
                    .isEqualTo("orderflow");
            assertThat(p.at("/Environment/Variables/POWERTOOLS_METRICS_NAMESPACE").asText())
                    .isEqualTo("Orderflow");
        }
        synth.template.resourceCountIs("AWS::Lambda::Alias", synth.stack.functions.all().size());
        synth.resources("AWS::Logs::LogGroup")
                .forEach(
                        g ->
                                assertThat(g.getValue().at("/Properties/RetentionInDays").asInt())
                                        .isPositive());
    }

    @Test
    void
            warehouseSystems_getAClientCredentialsClient_withOnlyTheWarehouseScope_thatTheApiAccepts() {
        synth.template.hasResourceProperties(
                "AWS::Cognito::UserPoolResourceServer",
                Match.objectLike(
                        Map.of(
                                "Identifier",
                                "orderflow",
                                "Scopes",
                                Match.arrayWith(
                                        List.of(
                                                Match.objectLike(
                                                        Map.of("ScopeName", "warehouse")))))));
        var clients = synth.resources("AWS::Cognito::UserPoolClient");
        var warehouse =
                clients.stream()
                        .filter(c -> c.getKey().contains("WarehouseClient"))
                        .findFirst()
                        .orElseThrow()
                        .getValue()
                        .get("Properties");
        assertThat(warehouse.get("GenerateSecret").asBoolean()).isTrue();
        assertThat(warehouse.get("AllowedOAuthFlows").toString())
                .isEqualTo("[\"client_credentials\"]");
        assertThat(warehouse.get("AllowedOAuthScopes").toString())
                .contains("/warehouse")
                .doesNotContain("/admin");
        JsonNode audience =
                synth.resources("AWS::ApiGatewayV2::Authorizer")
                        .get(0)
                        .getValue()
                        .at("/Properties/JwtConfiguration/Audience");
        assertThat(audience.toString())
                .contains(
                        clients.stream()
                                .filter(c -> c.getKey().contains("WarehouseClient"))
                                .findFirst()
                                .orElseThrow()
                                .getKey());
    }

    @Test
    void httpApi_routesPublicAndAuthenticatedPaths_throughTheUserPoolAuthorizer() {
        synth.template.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType",
                        "JWT",
                        "IdentitySource",
                        List.of("$request.header.Authorization")));
        Map<String, String> authByRoute = new java.util.HashMap<>();
        synth.resources("AWS::ApiGatewayV2::Route")
                .forEach(
                        r ->
                                authByRoute.put(
                                        r.getValue().at("/Properties/RouteKey").asText(),
                                        r.getValue().at("/Properties/AuthorizationType").asText()));
        assertThat(authByRoute)
                .containsEntry("GET /health", "NONE")
                .containsEntry("GET /health/ready", "NONE")
                .containsEntry("GET /products", "NONE")
                .containsEntry("GET /me", "JWT")
                .containsEntry("POST /orders", "JWT")
                .containsEntry("GET /orders/{id}", "JWT")
                .containsEntry("GET /orders", "JWT")
                .containsEntry("POST /orders/{id}/cancel", "JWT")
                .containsEntry("GET /admin/products", "JWT")
                .containsEntry("PUT /admin/products/{sku}", "JWT")
                .containsEntry("GET /admin/centers", "JWT")
                .containsEntry("PUT /admin/centers/{centerId}", "JWT")
                .containsEntry("GET /admin/stock/{sku}", "JWT")
                .containsEntry("POST /admin/stock/{sku}/{centerId}/adjustments", "JWT")
                .containsEntry("PUT /admin/stock/{sku}/shards", "JWT")
                .containsEntry("GET /admin/orders", "JWT")
                .containsEntry("POST /warehouse/shipments/{orderId}/{centerId}/events", "JWT")
                .hasSize(17);
    }

    @Test
    void adminRoutes_requireTheAdminScope_warehouseRoutesTheWarehouseScope_othersNone() {
        Map<String, List<String>> scopesByRoute = new java.util.HashMap<>();
        synth.resources("AWS::ApiGatewayV2::Route")
                .forEach(
                        r -> {
                            List<String> scopes = new ArrayList<>();
                            r.getValue()
                                    .at("/Properties/AuthorizationScopes")
                                    .forEach(s -> scopes.add(s.asText()));
                            scopesByRoute.put(
                                    r.getValue().at("/Properties/RouteKey").asText(), scopes);
                        });
        scopesByRoute.forEach(
                (route, scopes) ->
                        assertThat(scopes)
                                .as(route)
                                .isEqualTo(
                                        route.contains(" /admin/")
                                                ? List.of("orderflow/admin")
                                                : route.contains(" /warehouse/")
                                                        ? List.of("orderflow/warehouse")
                                                        : List.of()));
    }

    @Test
    void httpApiStage_logsAccessAsJson_throttles_andAllowsTheConfiguredOrigins() {
        JsonNode stage =
                synth.resources("AWS::ApiGatewayV2::Stage").get(0).getValue().get("Properties");
        assertThat(stage.at("/AccessLogSettings/DestinationArn").isMissingNode()).isFalse();
        assertThat(stage.at("/AccessLogSettings/Format").asText())
                .contains("$context.requestId", "$context.status");
        assertThat(stage.at("/DefaultRouteSettings/ThrottlingRateLimit").asDouble())
                .isEqualTo(50.0);
        assertThat(stage.at("/DefaultRouteSettings/ThrottlingBurstLimit").asInt()).isEqualTo(100);
        synth.template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api",
                Map.of(
                        "CorsConfiguration",
                        Match.objectLike(
                                Map.of("AllowOrigins", List.of("https://shop.example.com")))));
    }

    @Test
    void stateMachine_isStandard_withTracingAndFullLogging() {
        JsonNode sm =
                synth.resources("AWS::StepFunctions::StateMachine")
                        .get(0)
                        .getValue()
                        .get("Properties");
        assertThat(sm.get("StateMachineType").asText()).isEqualTo("STANDARD");
        assertThat(sm.at("/TracingConfiguration/Enabled").asBoolean()).isTrue();
        assertThat(sm.at("/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
        assertThat(sm.has("DefinitionString")).as("definition inlined, not an S3 asset").isTrue();
    }

    @Test
    void alarms_coverDlqsExecutionsApiAndEveryFunction_andNotifyTheTopic() {
        var alarms = synth.resources("AWS::CloudWatch::Alarm");
        List<String> metrics = new ArrayList<>();
        alarms.forEach(a -> metrics.add(a.getValue().at("/Properties/MetricName").asText()));
        assertThat(metrics)
                .contains(
                        "ApproximateNumberOfMessagesVisible",
                        "ExecutionsFailed",
                        "ExecutionsTimedOut",
                        "5xx")
                .filteredOn("Errors"::equals)
                .hasSize(synth.stack.functions.all().size());
        assertThat(metrics)
                .filteredOn("Throttles"::equals)
                .hasSize(synth.stack.functions.all().size());
        alarms.forEach(a -> assertThat(a.getValue().at("/Properties/AlarmActions")).hasSize(1));
        synth.template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
        synth.template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @Test
    void nonProductionData_isDestroyedWithTheStack_butProductionWouldBeRetained() {
        synth.resources("AWS::DynamoDB::Table")
                .forEach(
                        t ->
                                assertThat(t.getValue().get("DeletionPolicy").asText())
                                        .isEqualTo("Delete"));
        assertThat(
                        new OrderflowConfig(
                                        "prod",
                                        java.util.Optional.empty(),
                                        List.of(),
                                        1,
                                        1,
                                        Adapters.http("orderflow/payment", "orderflow/mail"),
                                        OrderflowConfig.DEFAULT_ORDER_RETENTION_DAYS)
                                .isProduction())
                .isTrue();
    }
}
