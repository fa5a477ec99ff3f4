package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.fulfillment.CenterDirectory;
import dev.orderflow.domain.fulfillment.CenterId;
import dev.orderflow.domain.fulfillment.FulfillmentCenter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The admin side of the fulfillment centers table, in the layout {@link DynamoFulfillmentCenters}
 * reads. A save is one unconditional {@code PutItem}, idempotent; its old image tells a creation
 * from a replacement.
 */
public final class DynamoCenterDirectory implements CenterDirectory {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoFulfillmentCenters reader;

    public DynamoCenterDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.reader = new DynamoFulfillmentCenters(dynamo, table);
    }

    @Override
    public List<FulfillmentCenter> all() {
        return reader.all();
    }

    @Override
    public Optional<FulfillmentCenter> find(CenterId id) {
        GetItemResponse response =
                DynamoErrors.translate(
                        "fulfillment centers table",
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(table)
                                                        .consistentRead(true)
                                                        .key(
                                                                Map.of(
                                                                        "centerId",
                                                                        AttributeValue.fromS(
                                                                                id.value())))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> row = response.item();
        Map<String, Integer> regions = new HashMap<>();
        row.get("regions")
                .m()
                .forEach((region, km) -> regions.put(region, Integer.parseInt(km.n())));
        return Optional.of(
                new FulfillmentCenter(
                        new CenterId(row.get("centerId").s()), row.get("name").s(), regions));
    }

    @Override
    public boolean save(FulfillmentCenter center) {
        PutItemResponse response =
                DynamoErrors.translate(
                        "fulfillment centers table",
                        () ->
                                dynamo.putItem(
                                        p ->
                                                p.tableName(table)
                                                        .item(
                                                                DynamoFulfillmentCenters.toItem(
                                                                        center))
                                                        .returnValues(ReturnValue.ALL_OLD)));
        return !response.hasAttributes() || response.attributes().isEmpty();
    }
}
