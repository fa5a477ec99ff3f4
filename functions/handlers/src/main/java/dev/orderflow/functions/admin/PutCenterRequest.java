package dev.orderflow.functions.admin;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.fulfillment.CenterId;
import dev.orderflow.domain.fulfillment.FulfillmentCenter;
import dev.orderflow.domain.fulfillment.WarehouseLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code PUT /admin/centers/{centerId}}: its name, the regions it serves, each
 * with its distance in km, optionally its service level in seconds (default two days) and
 * optionally its warehouse system's base URL (absent: the deployment's default warehouse serves
 * it).
 */
record PutCenterRequest(
        String name, Map<String, Integer> regions, Long handlingSeconds, String warehouseEndpoint) {

    /** The center, every missing field named. */
    FulfillmentCenter toCenter(CenterId id) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (name == null) {
            violations.add(new InvalidInput.Violation("name", "is required"));
        }
        if (regions == null) {
            violations.add(new InvalidInput.Violation("regions", "is required"));
        } else {
            regions.forEach(
                    (region, km) -> {
                        if (km == null) {
                            violations.add(
                                    new InvalidInput.Violation("regions." + region, "is required"));
                        }
                    });
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Duration handling =
                handlingSeconds == null
                        ? FulfillmentCenter.DEFAULT_HANDLING_TIME
                        : Duration.ofSeconds(handlingSeconds);
        WarehouseLink warehouse =
                warehouseEndpoint == null
                        ? new WarehouseLink.None()
                        : WarehouseLink.Endpoint.parse(warehouseEndpoint);
        return new FulfillmentCenter(id, name, regions, handling, warehouse);
    }
}
