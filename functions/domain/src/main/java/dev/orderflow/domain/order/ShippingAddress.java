package dev.orderflow.domain.order;

import dev.orderflow.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an order ships. Fulfillment only needs the country and region; the street lines travel with
 * the order to the fulfillment center and are never logged.
 *
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 * @param region the country's subdivision code as fulfillment centers list it, e.g. {@code BY}
 * @param city the city
 * @param postalCode the postal code, may be empty where a country has none
 * @param street the street lines
 */
public record ShippingAddress(
        String country, String region, String city, String postalCode, String street) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,3}");

    /**
     * @throws InvalidInput naming every field that is missing or malformed
     */
    public ShippingAddress {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(street, "street");
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (!COUNTRIES.contains(country)) {
            violations.add(
                    new InvalidInput.Violation(
                            "address.country", "must be an ISO 3166-1 alpha-2 code such as DE"));
        }
        if (!REGION.matcher(region).matches()) {
            violations.add(
                    new InvalidInput.Violation(
                            "address.region",
                            "must be a subdivision code of 1-3 letters or digits"));
        }
        requireText(violations, "address.city", city, 100);
        if (postalCode.length() > 20) {
            violations.add(
                    new InvalidInput.Violation(
                            "address.postalCode", "must be at most 20 characters"));
        }
        requireText(violations, "address.street", street, 200);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** The region key fulfillment centers serve, e.g. {@code DE-BY}. */
    public String regionKey() {
        return country + "-" + region;
    }

    private static void requireText(
            List<InvalidInput.Violation> violations, String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            violations.add(new InvalidInput.Violation(field, "must be 1-" + max + " characters"));
        }
    }
}
