package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.FulfillmentCenters;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fulfillment centers in their table ({@code centerId}; {@code name}; {@code regions}: a map from
 * region key such as {@code DE-BY} to distance in km; {@code handlingSeconds}: its service level;
 * {@code warehouseEndpoint}: its warehouse system's base URL, absent when it states none; {@code
 * homeRegion}: the AWS region whose saga allocates from it and whose Inventory table holds its
 * stock, absent when it is homed in every region). A few dozen rows, read whole by a scan.
 */
public final class DynamoFulfillmentCenters implements FulfillmentCenters {

    /** The attribute naming a center's home region. */
    static final String HOME_REGION = "homeRegion";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFulfillmentCenters(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The item a center is stored as. */
    static Map<String, AttributeValue> toItem(FulfillmentCenter center) {
        Map<String, AttributeValue> regions = new HashMap<>();
        center.distanceKmByRegion()
                .forEach(
                        (region, km) ->
                                regions.put(region, AttributeValue.fromN(Integer.toString(km))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("centerId", AttributeValue.fromS(center.id().value()));
        item.put("name", AttributeValue.fromS(center.name()));
        item.put("regions", AttributeValue.fromM(regions));
        item.put(
                "handlingSeconds",
                AttributeValue.fromN(Long.toString(center.handlingTime().toSeconds())));
        if (center.warehouse() instanceof WarehouseLink.Endpoint endpoint) {
            item.put("warehouseEndpoint", AttributeValue.fromS(endpoint.url().toString()));
        }
        center.homeRegion()
                .ifPresent(home -> item.put(HOME_REGION, AttributeValue.fromS(home.name())));
        return item;
    }

    /** A stored center's distances in km by region. */
    static Map<String, Integer> regionsOf(Map<String, AttributeValue> row) {
        Map<String, Integer> regions = new HashMap<>();
        row.get("regions")
                .m()
                .forEach((region, km) -> regions.put(region, Integer.parseInt(km.n())));
        return regions;
    }

    @Override
    public List<FulfillmentCenter> all() {
        List<Map<String, AttributeValue>> rows =
                DynamoErrors.translate(
                        "fulfillment centers table",
                        () -> {
                            List<Map<String, AttributeValue>> all = new ArrayList<>();
                            dynamo.scanPaginator(s -> s.tableName(table).consistentRead(true))
                                    .items()
                                    .forEach(all::add);
                            return all;
                        });
        List<FulfillmentCenter> centers = new ArrayList<>();
        for (Map<String, AttributeValue> row : rows) {
            centers.add(fromItem(row));
        }
        return centers;
    }

    /** The center a stored item describes. */
    static FulfillmentCenter fromItem(Map<String, AttributeValue> row) {
        // Rows written before centers stated a handling time keep the default.
        Duration handling =
                row.containsKey("handlingSeconds")
                        ? Duration.ofSeconds(Long.parseLong(row.get("handlingSeconds").n()))
                        : FulfillmentCenter.DEFAULT_HANDLING_TIME;
        // Rows without an endpoint are centers served by the deployment's default warehouse.
        WarehouseLink warehouse =
                row.containsKey("warehouseEndpoint")
                        ? WarehouseLink.Endpoint.parse(row.get("warehouseEndpoint").s())
                        : new WarehouseLink.None();
        return new FulfillmentCenter(
                new CenterId(row.get("centerId").s()),
                row.get("name").s(),
                regionsOf(row),
                handling,
                warehouse,
                Optional.ofNullable(row.get(HOME_REGION)).map(v -> new AwsRegion(v.s())));
    }
}
