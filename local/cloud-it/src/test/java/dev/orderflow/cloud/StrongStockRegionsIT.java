package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code up --regions a,b,c --stock-consistency strong}: Inventory replicates with strong
 * consistency (a write is in every region when it is acknowledged) and every function runs with
 * {@code STOCK_CONSISTENCY=strong}.
 */
class StrongStockRegionsIT {

    @Test
    void strongStock_replicatesInventorySynchronously_andTellsTheFunctions() throws Exception {
        try (LocalRegions regions =
                LocalRegions.builder()
                        .template(SharedCloud.template())
                        .functionCode(SharedCloud.handlerJar())
                        .regions(List.of("eu-central-1", "us-east-1", "ap-southeast-2"))
                        .edgePort(0)
                        .gatewayPort(0)
                        .stockConsistency(LocalRegions.Consistency.STRONG)
                        .start()) {
            String inventory =
                    regions.region("eu-central-1").physicalId("DataInventory").orElseThrow();
            assertThat(regions.replicatedTables())
                    .containsEntry(inventory, LocalRegions.Consistency.STRONG)
                    .containsValue(LocalRegions.Consistency.EVENTUAL);
            Map<String, AttributeValue> row =
                    Map.of(
                            "sku", AttributeValue.fromS("STRONG-1"),
                            "centerId", AttributeValue.fromS("FC-MUC"),
                            "available", AttributeValue.fromN("5"));
            try (DynamoDbClient eu = Clients.dynamo(regions.edgeEndpoint("eu-central-1"));
                    DynamoDbClient ap = Clients.dynamo(regions.edgeEndpoint("ap-southeast-2"))) {
                eu.putItem(r -> r.tableName(inventory).item(row));

                // no wait: MRSC applies the write in every region before it returns
                assertThat(
                                ap.getItem(
                                                r ->
                                                        r.tableName(inventory)
                                                                .key(
                                                                        Map.of(
                                                                                "sku",
                                                                                        row.get(
                                                                                                "sku"),
                                                                                "centerId",
                                                                                        row.get(
                                                                                                "centerId")))
                                                                .consistentRead(true))
                                        .item())
                        .containsEntry("available", AttributeValue.fromN("5"));
            }
            try (LambdaClient lambda = Clients.lambda(regions.edgeEndpoint("us-east-1"))) {
                String function =
                        regions.region("us-east-1").physicalId("HealthFunction").orElseThrow();
                assertThat(
                                lambda.getFunction(r -> r.functionName(function))
                                        .configuration()
                                        .environment()
                                        .variables())
                        .containsEntry("STOCK_CONSISTENCY", "strong");
            }
        }
    }
}
