package dev.orderflow.domain.centers;

import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A warehouse that picks, packs and ships. It serves a set of regions (keys such as {@code DE-BY}),
 * each at a transit distance that orders allocation: nearest first.
 *
 * @param id the center's id
 * @param name a display name
 * @param distanceKmByRegion the regions it serves and its distance to each, in kilometres
 * @param handlingTime how long it may take to report a shipment as shipped (its service level); the
 *     saga gives up on the shipment and compensates after that
 * @param warehouse how its warehouse system is reached
 * @param homeRegion the AWS region whose Inventory table holds its stock and whose saga allocates
 *     from it; empty: homed in every region that reads it (the single-region case)
 */
public record FulfillmentCenter(
        CenterId id,
        String name,
        Map<String, Integer> distanceKmByRegion,
        Duration handlingTime,
        WarehouseLink warehouse,
        Optional<AwsRegion> homeRegion) {

    /** The service level of a center that does not state its own. */
    public static final Duration DEFAULT_HANDLING_TIME = Duration.ofDays(2);

    /** The shortest: the workflow's heartbeat (at least a second) must fit inside it. */
    public static final Duration MIN_HANDLING_TIME = Duration.ofSeconds(2);

    /** The longest service level a center may state; the saga's own deadline is beyond it. */
    public static final Duration MAX_HANDLING_TIME = Duration.ofDays(7);

    /**
     * @throws InvalidInput if it serves no region, lists a negative distance, or states a handling
     *     time under {@link #MIN_HANDLING_TIME} or over {@link #MAX_HANDLING_TIME}
     */
    public FulfillmentCenter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        distanceKmByRegion = Map.copyOf(distanceKmByRegion);
        if (distanceKmByRegion.isEmpty()) {
            throw InvalidInput.of("regions", "a fulfillment center must serve at least one region");
        }
        if (distanceKmByRegion.values().stream().anyMatch(d -> d < 0)) {
            throw InvalidInput.of("regions", "distances must not be negative");
        }
        Objects.requireNonNull(handlingTime, "handlingTime");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(homeRegion, "homeRegion");
        if (handlingTime.compareTo(MIN_HANDLING_TIME) < 0
                || handlingTime.compareTo(MAX_HANDLING_TIME) > 0) {
            throw InvalidInput.of(
                    "handlingSeconds",
                    "must be between "
                            + MIN_HANDLING_TIME.toSeconds()
                            + " and "
                            + MAX_HANDLING_TIME.toSeconds()
                            + " seconds");
        }
    }

    /** A center homed in every region. */
    public FulfillmentCenter(
            CenterId id,
            String name,
            Map<String, Integer> distanceKmByRegion,
            Duration handlingTime,
            WarehouseLink warehouse) {
        this(id, name, distanceKmByRegion, handlingTime, warehouse, Optional.empty());
    }

    /** A center with no warehouse system of its own. */
    public FulfillmentCenter(
            CenterId id,
            String name,
            Map<String, Integer> distanceKmByRegion,
            Duration handlingTime) {
        this(id, name, distanceKmByRegion, handlingTime, new WarehouseLink.None());
    }

    /** A center with the {@link #DEFAULT_HANDLING_TIME} and no warehouse system of its own. */
    public FulfillmentCenter(CenterId id, String name, Map<String, Integer> distanceKmByRegion) {
        this(id, name, distanceKmByRegion, DEFAULT_HANDLING_TIME);
    }

    /** Whether that AWS region allocates from it and changes its stock. */
    public boolean isHomedIn(AwsRegion region) {
        return region.isHomeOf(homeRegion);
    }

    /**
     * Fails unless the center is homed in that region, the only one that changes its stock.
     *
     * @throws HomedInAnotherRegion naming its home region
     */
    public void requireHomedIn(AwsRegion region) {
        if (!isHomedIn(region)) {
            throw new HomedInAnotherRegion(
                    "fulfillment center", id.value(), homeRegion.get().name());
        }
    }

    /** Its distance to a region, or empty if it does not serve that region. */
    public OptionalInt distanceTo(String regionKey) {
        Integer km = distanceKmByRegion.get(regionKey);
        return km == null ? OptionalInt.empty() : OptionalInt.of(km);
    }
}
