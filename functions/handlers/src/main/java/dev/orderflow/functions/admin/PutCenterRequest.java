package dev.orderflow.functions.admin;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON body of {@code PUT /admin/centers/{centerId}}: its name, the regions it serves, each
 * with its distance in km, optionally its service level in seconds (default two days) and
 * optionally its warehouse system's base URL (absent: the deployment's default warehouse serves it)
 * and optionally its home region, the AWS region that allocates from it and holds its stock
 * (absent: homed in every region).
 */
record PutCenterRequest(
        String name,
        Map<String, Integer> regions,
        Long handlingSeconds,
        String warehouseEndpoint,
        String homeRegion) {

    /** The limits {@code api/openapi.yaml} documents for a center. */
    private static final int MAX_NAME = 100;

    private static final int MAX_REGIONS = 200;
    private static final int MAX_KM = 40_000;
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** The center, every missing or out-of-range field named. */
    FulfillmentCenter toCenter(CenterId id) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            violations.add(
                    new InvalidInput.Violation("name", "must be 1-" + MAX_NAME + " characters"));
        }
        if (regions == null) {
            violations.add(new InvalidInput.Violation("regions", "is required"));
        } else {
            if (regions.size() > MAX_REGIONS) {
                violations.add(
                        new InvalidInput.Violation(
                                "regions", "must list at most " + MAX_REGIONS + " regions"));
            }
            regions.forEach((region, km) -> checkRegion(region, km, violations));
        }
        Optional<AwsRegion> home = Optional.empty();
        if (homeRegion != null) {
            try {
                home = Optional.of(new AwsRegion(homeRegion));
            } catch (InvalidInput notARegion) {
                violations.addAll(notARegion.violations());
            }
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
        return new FulfillmentCenter(id, name, regions, handling, warehouse, home);
    }

    private static void checkRegion(
            String region, Integer km, List<InvalidInput.Violation> violations) {
        String field = "regions." + region;
        if (!REGION.matcher(region).matches()) {
            violations.add(new InvalidInput.Violation(field, "must be a region key such as DE-BY"));
        }
        if (km == null || km < 0 || km > MAX_KM) {
            violations.add(
                    new InvalidInput.Violation(field, "must be a distance of 0-" + MAX_KM + " km"));
        }
    }
}
