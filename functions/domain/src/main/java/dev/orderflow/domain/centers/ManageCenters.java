package dev.orderflow.domain.centers;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.identity.Admins;
import dev.orderflow.domain.identity.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Use case: an admin creates, changes and lists fulfillment centers. */
public final class ManageCenters {

    /** The longest name a center may have. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Most regions one center may serve. */
    public static final int MAX_REGIONS = 200;

    /** Further than this is not on this planet's surface. */
    public static final int MAX_DISTANCE_KM = 40_000;

    /** A region key as {@code ShippingAddress.regionKey()} builds it: {@code DE-BY}. */
    private static final Pattern REGION_KEY = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** The stored center and whether this call created it (or replaced an existing one). */
    public record Saved(FulfillmentCenter center, boolean created) {}

    private final CenterDirectory centers;

    public ManageCenters(CenterDirectory centers) {
        this.centers = Objects.requireNonNull(centers, "centers");
    }

    /**
     * Creates the center or replaces its name and regions. Idempotent.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws InvalidInput naming each bad field: a blank or long name, a malformed region key, a
     *     distance out of range, too many regions
     */
    public Saved put(Caller caller, FulfillmentCenter center) {
        Admins.require(caller);
        validate(center);
        return new Saved(center, centers.save(center));
    }

    /**
     * Every center, ordered by id.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     */
    public List<FulfillmentCenter> list(Caller caller) {
        Admins.require(caller);
        return centers.all().stream().sorted(Comparator.comparing(FulfillmentCenter::id)).toList();
    }

    private static void validate(FulfillmentCenter center) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (center.name().isBlank() || center.name().length() > MAX_NAME_LENGTH) {
            violations.add(
                    new InvalidInput.Violation(
                            "name", "must be 1-" + MAX_NAME_LENGTH + " characters"));
        }
        if (center.distanceKmByRegion().size() > MAX_REGIONS) {
            violations.add(
                    new InvalidInput.Violation("regions", "must list at most " + MAX_REGIONS));
        }
        for (Map.Entry<String, Integer> region : center.distanceKmByRegion().entrySet()) {
            String field = "regions." + region.getKey();
            if (!REGION_KEY.matcher(region.getKey()).matches()) {
                violations.add(
                        new InvalidInput.Violation(
                                field, "must be a country code, a dash and a region code: DE-BY"));
            } else if (region.getValue() > MAX_DISTANCE_KM) {
                violations.add(
                        new InvalidInput.Violation(field, "must be 0-" + MAX_DISTANCE_KM + " km"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
