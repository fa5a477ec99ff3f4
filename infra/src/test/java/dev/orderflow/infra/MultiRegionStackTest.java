package dev.orderflow.infra;

import static dev.orderflow.infra.SynthesizedStack.PRIMARY;
import static dev.orderflow.infra.SynthesizedStack.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * {@code -c regions=eu-central-1,us-east-1}: one stack per region and the edge stack, global tables
 * created in the primary with a replica in the other region, stream consumers limited to their
 * region's orders, and each region behind its own CloudFront distribution with the edge web ACL.
 */
class MultiRegionStackTest {

    private final Deployment deployment = SynthesizedStack.deployment("two-regions");
    private final SynthesizedStack primary = SynthesizedStack.of("two-regions", PRIMARY);
    private final SynthesizedStack secondary = SynthesizedStack.of("two-regions", SECONDARY);

    @Test
    void twoRegions_makeOneStackPerRegion_andTheEdgeStackInUsEast1() {
        assertThat(SynthesizedStack.stacksOf("two-regions"))
                .extracting(Stack::getStackName)
                .containsExactly(
                        "Orderflow-test-" + PRIMARY,
                        "Orderflow-test-" + SECONDARY,
                        "Orderflow-test-edge");
        assertThat(deployment.primary().getRegion()).isEqualTo(PRIMARY);
        assertThat(deployment.in(SECONDARY).getRegion()).isEqualTo(SECONDARY);
        assertThat(deployment.edge().orElseThrow().getRegion()).isEqualTo("us-east-1");
        assertThat(deployment.in(SECONDARY).getDependencies())
                .contains(deployment.primary(), deployment.edge().orElseThrow());
    }

    @Test
    void thePrimary_createsTheGlobalTables_withAReplicaInTheOtherRegion_underFixedNames() {
        Map<String, JsonNode> global = new java.util.TreeMap<>();
        primary.resources("AWS::DynamoDB::GlobalTable")
                .forEach(
                        t ->
                                global.put(
                                        t.getValue().at("/Properties/TableName").asText(),
                                        t.getValue().get("Properties")));
        assertThat(global)
                .containsOnlyKeys(
                        "orderflow-test-orders",
                        "orderflow-test-products",
                        "orderflow-test-fulfillment-centers",
                        "orderflow-test-order-archive");
        for (JsonNode table : global.values()) {
            assertThat(regionsOf(table)).containsExactlyInAnyOrder(PRIMARY, SECONDARY);
            assertThat(table.at("/SSESpecification/SSEEnabled").asBoolean()).isTrue();
            assertThat(table.get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
            for (JsonNode replica : table.get("Replicas")) {
                assertThat(
                                replica.at(
                                                "/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                                        .asBoolean())
                        .isTrue();
                assertThat(replica.get("Tags").toString())
                        .contains("{\"Key\":\"orderflow:replication\",\"Value\":\"global\"}");
            }
        }
        JsonNode orders = global.get("orderflow-test-orders");
        assertThat(orders.at("/StreamSpecification/StreamViewType").asText())
                .isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(orders.at("/TimeToLiveSpecification/AttributeName").asText())
                .isEqualTo("expiresAt");
        assertThat(orders.get("GlobalSecondaryIndexes").findValuesAsText("IndexName"))
                .containsExactly("byCustomer", "byStatus");
        assertThat(orders.get("KeySchema").toString()).contains("\"pk\"", "\"sk\"");
        JsonNode archive = global.get("orderflow-test-order-archive");
        assertThat(archive.get("LocalSecondaryIndexes").findValuesAsText("IndexName"))
                .containsExactly("byOrderId");
        for (JsonNode replica : archive.get("Replicas")) {
            assertThat(replica.get("TableClass").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        }
    }

    @Test
    void everyRegion_hasItsOwnRegionalTables_andTheSecondaryCreatesNoGlobalOne() {
        for (SynthesizedStack stack : List.of(primary, secondary)) {
            assertThat(stack.resources("AWS::DynamoDB::Table"))
                    .extracting(Map.Entry::getKey)
                    .hasSize(2)
                    .anyMatch(id -> id.startsWith("DataInventory"))
                    .anyMatch(id -> id.startsWith("DataIdempotency"));
            stack.resources("AWS::DynamoDB::Table")
                    .forEach(
                            t ->
                                    assertThat(t.getValue().at("/Properties/Tags").toString())
                                            .contains("\"Value\":\"regional\""));
        }
        assertThat(secondary.resources("AWS::DynamoDB::GlobalTable")).isEmpty();
    }

    @Test
    void theSecondary_usesItsReplicas_byName_andLooksUpTheOrdersReplicaStream() {
        assertThat(environmentOf(secondary, "PlaceOrder").get("ORDERS_TABLE").asText())
                .isEqualTo("orderflow-test-orders");
        assertThat(environmentOf(secondary, "PlaceOrder").get("PRODUCTS_TABLE").asText())
                .isEqualTo("orderflow-test-products");
        assertThat(environmentOf(secondary, "ReserveStock").get("CENTERS_TABLE").asText())
                .isEqualTo("orderflow-test-fulfillment-centers");
        JsonNode lookup =
                secondary.resources("Custom::AWS").stream()
                        .filter(r -> r.getKey().startsWith("DataOrdersStream"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
        assertThat(lookup.at("/Properties/Create").toString())
                .contains("describeTable")
                .contains("orderflow-test-orders");
        JsonNode mapping = streamMapping(secondary, "StartFulfillmentLive");
        assertThat(mapping.get("EventSourceArn").toString())
                .contains("DataOrdersStreamDescribe")
                .contains("Table.LatestStreamArn");
        assertThat(streamMapping(primary, "StartFulfillmentLive").get("EventSourceArn").toString())
                .contains("DataOrders")
                .contains("StreamArn");
    }

    @Test
    void theSagaStarter_takesOnlyOrdersHomedInItsRegion_theArchiverEveryTtlRemoval()
            throws IOException {
        for (String region : List.of(PRIMARY, SECONDARY)) {
            SynthesizedStack stack = SynthesizedStack.of("two-regions", region);
            JsonNode placed = pattern(streamMapping(stack, "StartFulfillmentLive"));
            assertThat(placed.at("/eventName/0").asText()).isEqualTo("INSERT");
            assertThat(placed.at("/dynamodb/Keys/sk/S/0").asText()).isEqualTo("ORDER");
            assertThat(placed.at("/dynamodb/NewImage/homeRegion/S").toString())
                    .isEqualTo("[\"" + region + "\"]");
            JsonNode expired = pattern(streamMapping(stack, "ArchiveOrderLive"));
            assertThat(expired.at("/eventName/0").asText()).isEqualTo("REMOVE");
            assertThat(expired.at("/userIdentity/principalId/0").asText())
                    .isEqualTo("dynamodb.amazonaws.com");
            assertThat(expired.at("/dynamodb/OldImage").isMissingNode()).isTrue();
        }
    }

    @Test
    void theUserPool_isInThePrimaryOnly_andTheSecondaryTrustsItsIssuer() {
        assertThat(primary.resources("AWS::Cognito::UserPool")).hasSize(1);
        assertThat(secondary.resources("AWS::Cognito::UserPool")).isEmpty();
        JsonNode authorizer =
                secondary.resources("AWS::ApiGatewayV2::Authorizer").get(0).getValue();
        assertThat(authorizer.at("/Properties/AuthorizerType").asText()).isEqualTo("JWT");
        String jwt = authorizer.at("/Properties/JwtConfiguration").toString();
        assertThat(jwt)
                .contains("https://cognito-idp." + PRIMARY + ".amazonaws.com/")
                .contains("IdentityUsers")
                .contains("WebClient")
                .contains("WarehouseClient");
    }

    @Test
    void eachRegion_sitsBehindItsCloudFrontDistribution_withTheEdgeWebAcl_andTheOriginHeader() {
        for (SynthesizedStack stack : List.of(primary, secondary)) {
            JsonNode config =
                    stack.resources("AWS::CloudFront::Distribution")
                            .get(0)
                            .getValue()
                            .at("/Properties/DistributionConfig");
            JsonNode behavior = config.get("DefaultCacheBehavior");
            assertThat(behavior.get("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
            assertThat(strings(behavior.get("AllowedMethods")))
                    .containsExactlyInAnyOrder(
                            "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
            // Managed-CachingDisabled and Managed-AllViewerExceptHostHeader (forwards
            // Authorization and query strings when nothing is cached).
            assertThat(behavior.get("CachePolicyId").asText())
                    .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
            assertThat(behavior.get("OriginRequestPolicyId").asText())
                    .isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
            JsonNode origin = config.at("/Origins/0");
            assertThat(origin.at("/CustomOriginConfig/OriginProtocolPolicy").asText())
                    .isEqualTo("https-only");
            assertThat(origin.at("/DomainName").toString()).contains("HttpApi", ".execute-api.");
            assertThat(origin.at("/OriginCustomHeaders/0/HeaderName").asText())
                    .isEqualTo("X-Origin-Verify");
            String secret = stack.resources("AWS::SecretsManager::Secret").get(0).getKey();
            assertThat(origin.at("/OriginCustomHeaders/0/HeaderValue").toString())
                    .contains("{{resolve:secretsmanager:")
                    .contains(secret);
            assertThat(config.get("WebACLId").toString()).contains("FirewallWebAcl");
            assertThat(
                            environmentOf(stack, "PlaceOrder")
                                    .get("ORIGIN_VERIFY_SECRET_ARN")
                                    .toString())
                    .contains(secret);
            assertThat(environmentOf(stack, "ReserveStock").has("ORIGIN_VERIFY_SECRET_ARN"))
                    .isFalse();
        }
    }

    @Test
    void theEdgeStack_holdsTheCloudFrontWebAcl_withTheCommonRuleSetAndARateLimitPerIp() {
        JsonNode edge = SynthesizedStack.jsonOf(deployment.edge().orElseThrow());
        JsonNode acl = only(edge, "AWS::WAFv2::WebACL").get("Properties");
        assertThat(acl.get("Scope").asText()).isEqualTo("CLOUDFRONT");
        assertThat(acl.at("/Rules/0/Statement/ManagedRuleGroupStatement/Name").asText())
                .isEqualTo("AWSManagedRulesCommonRuleSet");
        assertThat(acl.at("/Rules/0/Statement/ManagedRuleGroupStatement/VendorName").asText())
                .isEqualTo("AWS");
        assertThat(acl.at("/Rules/1/Statement/RateBasedStatement/AggregateKeyType").asText())
                .isEqualTo("IP");
        assertThat(acl.at("/Rules/1/Action/Block").isObject()).isTrue();
        assertThat(only(edge, "AWS::WAFv2::LoggingConfiguration")).isNotNull();
        String dashboard =
                only(edge, "AWS::CloudWatch::Dashboard").at("/Properties/DashboardBody").toString();
        assertThat(dashboard).contains("OrdersPlaced", "ReplicationLatency", "BlockedRequests");
        assertThat(
                        primary.resources("AWS::CloudWatch::Dashboard")
                                .get(0)
                                .getValue()
                                .at("/Properties/DashboardName")
                                .asText())
                .isEqualTo("orderflow-test-" + PRIMARY);
        assertThat(primary.resources("AWS::CloudWatch::Alarm")).isNotEmpty();
    }

    @Test
    void withADomain_eachRegionAnswersForApiByLatency_withAHealthCheckThroughItsDistribution() {
        Deployment withDomain = SynthesizedStack.deployment("two-regions-domain");
        JsonNode edge = SynthesizedStack.jsonOf(withDomain.edge().orElseThrow());
        JsonNode certificate = only(edge, "AWS::CertificateManager::Certificate").get("Properties");
        assertThat(certificate.get("DomainName").asText()).isEqualTo("api.shop.example.com");
        assertThat(certificate.get("ValidationMethod").asText()).isEqualTo("DNS");
        for (String region : List.of(PRIMARY, SECONDARY)) {
            SynthesizedStack stack = SynthesizedStack.of("two-regions-domain", region);
            JsonNode config =
                    stack.resources("AWS::CloudFront::Distribution")
                            .get(0)
                            .getValue()
                            .at("/Properties/DistributionConfig");
            assertThat(strings(config.get("Aliases"))).containsExactly("api.shop.example.com");
            assertThat(config.at("/ViewerCertificate/MinimumProtocolVersion").asText())
                    .isEqualTo("TLSv1.2_2021");
            JsonNode check =
                    stack.resources("AWS::Route53::HealthCheck")
                            .get(0)
                            .getValue()
                            .at("/Properties/HealthCheckConfig");
            assertThat(check.get("Type").asText()).isEqualTo("HTTPS");
            // Readiness, not liveness: the region leaves DNS when its own tables or saga are down.
            assertThat(check.get("ResourcePath").asText()).isEqualTo("/health/ready");
            assertThat(check.get("FullyQualifiedDomainName").toString())
                    .contains("EdgeDistribution");
            List<Map.Entry<String, JsonNode>> records = stack.resources("AWS::Route53::RecordSet");
            assertThat(records).hasSize(2);
            for (var record : records) {
                JsonNode p = record.getValue().get("Properties");
                assertThat(p.get("Name").asText()).isEqualTo("api.shop.example.com.");
                assertThat(p.get("Region").asText()).isEqualTo(region);
                assertThat(p.get("SetIdentifier").asText()).isEqualTo(region);
                assertThat(p.get("HostedZoneId").asText()).isEqualTo("Z0123456789ABCDEFGHIJ");
                assertThat(p.get("HealthCheckId").toString()).contains("DnsHealth");
                assertThat(p.at("/AliasTarget/DNSName").toString()).contains("EdgeDistribution");
            }
            assertThat(
                            strings(
                                    records.stream()
                                            .map(r -> r.getValue().at("/Properties/Type"))
                                            .toList()))
                    .containsExactlyInAnyOrder("A", "AAAA");
        }
    }

    private static List<String> regionsOf(JsonNode globalTable) {
        List<String> regions = new ArrayList<>();
        globalTable.get("Replicas").forEach(r -> regions.add(r.get("Region").asText()));
        return regions;
    }

    private static JsonNode environmentOf(SynthesizedStack stack, String function) {
        return stack.resources("AWS::Lambda::Function").stream()
                .filter(f -> f.getKey().startsWith(function + "Function"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .at("/Properties/Environment/Variables");
    }

    private static JsonNode streamMapping(SynthesizedStack stack, String functionPrefix) {
        return stack.resources("AWS::Lambda::EventSourceMapping").stream()
                .filter(m -> m.getKey().startsWith(functionPrefix + "DynamoDBEventSource"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stream mapping for " + functionPrefix))
                .getValue()
                .get("Properties");
    }

    private static JsonNode pattern(JsonNode mapping) throws IOException {
        return new ObjectMapper()
                .readTree(mapping.at("/FilterCriteria/Filters/0/Pattern").asText());
    }

    private static JsonNode only(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.get("Resources")
                .forEach(
                        r -> {
                            if (type.equals(r.path("Type").asText())) {
                                found.add(r);
                            }
                        });
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> strings(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
