package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.shipping.TaskToken;
import org.junit.jupiter.api.Test;

/** Awaited shipments through the real SDK against the project's DynamoDB engine. */
class DynamoAwaitedShipmentsIT {

    private final DynamoAwaitedShipments awaited =
            new DynamoAwaitedShipments(LocalDynamo.client(), LocalDynamo.createOrdersTable());

    @Test
    void theToken_isKeptPerOrderAndCenter_andANewerOneReplacesIt() {
        OrderId order = OrderId.random();
        CenterId muc = new CenterId("FC-MUC");
        CenterId ber = new CenterId("FC-BER");

        awaited.await(order, muc, new TaskToken("token-muc"));
        awaited.await(order, ber, new TaskToken("token-ber"));
        awaited.await(order, muc, new TaskToken("token-muc-redriven"));

        assertThat(awaited.find(order, muc)).contains(new TaskToken("token-muc-redriven"));
        assertThat(awaited.find(order, ber)).contains(new TaskToken("token-ber"));
        assertThat(awaited.find(OrderId.random(), muc)).isEmpty();
        assertThat(awaited.find(order, new CenterId("FC-HAM"))).isEmpty();
    }
}
