package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.region.AwsRegion;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fulfillment centers through the real SDK against the project's DynamoDB engine. */
class DynamoFulfillmentCentersIT {

    private final DynamoDbClient dynamo = LocalDynamo.client();

    @Test
    void all_readsBackEveryCenterWithItsRegionsAndDistances() {
        String table = LocalDynamo.createTable("centers", "centerId", null);
        var munich =
                new FulfillmentCenter(
                        new CenterId("FC-MUC"), "Munich", Map.of("DE-BY", 20, "AT-9", 430));
        var berlin = new FulfillmentCenter(new CenterId("FC-BER"), "Berlin", Map.of("DE-BE", 15));
        for (FulfillmentCenter c : new FulfillmentCenter[] {munich, berlin}) {
            dynamo.putItem(p -> p.tableName(table).item(DynamoFulfillmentCenters.toItem(c)));
        }

        assertThat(new DynamoFulfillmentCenters(dynamo, table).all())
                .containsExactlyInAnyOrder(munich, berlin);
    }

    @Test
    void homeRegion_roundTrips_andCentersWithoutOneAreHomedEverywhere() {
        String table = LocalDynamo.createTable("centers", "centerId", null);
        var newYork =
                new FulfillmentCenter(
                        new CenterId("FC-NYC"),
                        "New York",
                        Map.of("US-NY", 10),
                        FulfillmentCenter.DEFAULT_HANDLING_TIME,
                        new dev.orderflow.domain.centers.WarehouseLink.None(),
                        Optional.of(new AwsRegion("us-east-1")));
        var munich = new FulfillmentCenter(new CenterId("FC-MUC"), "Munich", Map.of("DE-BY", 9));
        var directory = new DynamoCenterDirectory(dynamo, table);
        directory.save(newYork);
        directory.save(munich);

        assertThat(
                        dynamo.getItem(
                                        g ->
                                                g.tableName(table)
                                                        .key(
                                                                Map.of(
                                                                        "centerId",
                                                                        AttributeValue.fromS(
                                                                                "FC-NYC"))))
                                .item()
                                .get("homeRegion"))
                .isEqualTo(AttributeValue.fromS("us-east-1"));
        assertThat(directory.find(new CenterId("FC-NYC"))).contains(newYork);
        assertThat(new DynamoFulfillmentCenters(dynamo, table).all())
                .containsExactlyInAnyOrder(newYork, munich);
        assertThat(directory.find(new CenterId("FC-MUC")).orElseThrow().homeRegion()).isEmpty();
    }

    @Test
    void handlingTime_roundTrips_andRowsWithoutOneReadAsTheDefault() {
        String table = LocalDynamo.createTable("centers", "centerId", null);
        var fast =
                new FulfillmentCenter(
                        new CenterId("FC-FAST"),
                        "Fast",
                        Map.of("DE-BY", 5),
                        java.time.Duration.ofHours(4));
        var directory = new DynamoCenterDirectory(dynamo, table);
        directory.save(fast);
        dynamo.putItem(
                p ->
                        p.tableName(table)
                                .item(
                                        Map.of(
                                                "centerId",
                                                AttributeValue.fromS("FC-OLD"),
                                                "name",
                                                AttributeValue.fromS("Old"),
                                                "regions",
                                                AttributeValue.fromM(
                                                        Map.of(
                                                                "DE-BE",
                                                                software.amazon.awssdk.services
                                                                        .dynamodb.model
                                                                        .AttributeValue.fromN(
                                                                        "15"))))));

        assertThat(directory.find(new CenterId("FC-FAST"))).contains(fast);
        assertThat(directory.find(new CenterId("FC-OLD")).orElseThrow().handlingTime())
                .isEqualTo(FulfillmentCenter.DEFAULT_HANDLING_TIME);
        assertThat(new DynamoFulfillmentCenters(dynamo, table).all()).contains(fast);
    }

    @Test
    void aWarehouseEndpoint_roundTrips_andCentersWithoutOneStayUnlinked() {
        String table = LocalDynamo.createTable("centers", "centerId", null);
        var linked =
                new FulfillmentCenter(
                        new CenterId("FC-WMS"),
                        "Linked",
                        Map.of("DE-BY", 5),
                        java.time.Duration.ofHours(4),
                        dev.orderflow.domain.centers.WarehouseLink.Endpoint.parse(
                                "https://wms.example.com/api"));
        var plain = new FulfillmentCenter(new CenterId("FC-PLAIN"), "Plain", Map.of("DE-BY", 9));
        var directory = new DynamoCenterDirectory(dynamo, table);
        directory.save(linked);
        directory.save(plain);

        assertThat(directory.find(linked.id())).contains(linked);
        assertThat(directory.find(plain.id()).orElseThrow().warehouse())
                .isEqualTo(new dev.orderflow.domain.centers.WarehouseLink.None());
    }
}
