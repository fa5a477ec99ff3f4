package dev.orderflow.functions.admin;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.fulfillment.CenterId;
import dev.orderflow.domain.fulfillment.FulfillmentCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code PUT /admin/centers/{centerId}}: its name, the regions it serves, each
 * with its distance in km, and optionally its service level in seconds (default two days).
 */
record PutCenterRequest(String name, Map<String, Integer> regions, Long handlingSeconds) {

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
        return handlingSeconds == null
                ? new FulfillmentCenter(id, name, regions)
                : new FulfillmentCenter(id, name, regions, Duration.ofSeconds(handlingSeconds));
    }
}
