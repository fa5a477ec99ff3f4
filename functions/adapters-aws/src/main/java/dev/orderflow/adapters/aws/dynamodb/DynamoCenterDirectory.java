package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.centers.CenterDirectory;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The admin side of the fulfillment centers table, in the layout {@link DynamoFulfillmentCenters}
 * reads. A save is one unconditional {@code PutItem}, idempotent; its old image tells a creation
 * from a replacement.
 */
public final class DynamoCenterDirectory implements CenterDirectory {

    private final KeyedTable centers;
    private final DynamoFulfillmentCenters reader;

    public DynamoCenterDirectory(DynamoDbClient dynamo, String table) {
        this.centers = new KeyedTable(dynamo, table, "fulfillment centers table", "centerId");
        this.reader = new DynamoFulfillmentCenters(dynamo, table);
    }

    @Override
    public List<FulfillmentCenter> all() {
        return reader.all();
    }

    @Override
    public Optional<FulfillmentCenter> find(CenterId id) {
        return centers.read(id.value()).map(DynamoFulfillmentCenters::fromItem);
    }

    @Override
    public boolean save(FulfillmentCenter center) {
        return centers.replace(DynamoFulfillmentCenters.toItem(center));
    }
}
