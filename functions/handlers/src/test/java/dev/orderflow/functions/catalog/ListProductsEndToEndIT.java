package dev.orderflow.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.adapters.aws.dynamodb.DynamoProductCatalog;
import dev.orderflow.domain.catalog.BrowseCatalog;
import dev.orderflow.dynamodb.DynamoDbServer;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /products} end to end: the sample API Gateway event through the handler, the use case
 * and the DynamoDB adapter, over the real SDK to the project's DynamoDB engine.
 */
class ListProductsEndToEndIT {

    private static DynamoDbServer server;
    private static DynamoDbClient dynamo;
    private static ListProductsHandler handler;

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().port(0).start();
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.EU_WEST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("k", "s")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
        dynamo.createTable(
                t ->
                        t.tableName("products")
                                .billingMode("PAY_PER_REQUEST")
                                .attributeDefinitions(
                                        a -> a.attributeName("sku").attributeType("S"))
                                .keySchema(k -> k.attributeName("sku").keyType("HASH")));
        for (int i = 1; i <= 5; i++) {
            String sku = "SKU-" + i;
            dynamo.putItem(
                    p ->
                            p.tableName("products")
                                    .item(
                                            Map.of(
                                                    "sku", AttributeValue.fromS(sku),
                                                    "name", AttributeValue.fromS("Product " + sku),
                                                    "priceMinor", AttributeValue.fromN("1999"),
                                                    "currency", AttributeValue.fromS("EUR"),
                                                    "active", AttributeValue.fromBool(true))));
        }
        handler =
                new ListProductsHandler(
                        new BrowseCatalog(new DynamoProductCatalog(dynamo, "products")),
                        new RecordingMetrics());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    void sampleEvent_pagesThroughTheCatalogStoredInDynamoDb() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> skus = new ArrayList<>();
        String cursor = null;
        do {
            APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-products.json");
            event.setQueryStringParameters(
                    cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor));
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("r"));
            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.getBody());
            body.get("items").forEach(item -> skus.add(item.get("sku").asText()));
            cursor = body.has("nextCursor") ? body.get("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(skus).containsExactlyInAnyOrder("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
    }
}
