package dev.orderflow.domain.fulfillment;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A warehouse that picks, packs and ships. It serves a set of regions (keys such as {@code DE-BY}),
 * each at a transit distance that orders allocation: nearest first.
 *
 * @param id the center's id
 * @param name a display name
 * @param distanceKmByRegion the regions it serves and its distance to each, in kilometres
 */
public record FulfillmentCenter(CenterId id, String name, Map<String, Integer> distanceKmByRegion) {

    /**
     * @throws InvalidInput if it serves no region or lists a negative distance
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
    }

    /** Its distance to a region, or empty if it does not serve that region. */
    public OptionalInt distanceTo(String regionKey) {
        Integer km = distanceKmByRegion.get(regionKey);
        return km == null ? OptionalInt.empty() : OptionalInt.of(km);
    }
}
