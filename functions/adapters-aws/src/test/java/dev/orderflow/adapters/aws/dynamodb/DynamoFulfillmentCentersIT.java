package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.fulfillment.CenterId;
import dev.orderflow.domain.fulfillment.FulfillmentCenter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
}
