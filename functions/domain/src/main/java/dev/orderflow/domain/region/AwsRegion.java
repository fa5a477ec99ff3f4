package dev.orderflow.domain.region;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS region by its name, e.g. {@code eu-central-1}: where an order or a fulfillment center is
 * homed (docs/multi-region.md). Not to be confused with an address's region ({@code DE-BY}), which
 * is where goods go.
 *
 * @param name the region's name: lower-case partition and area words, then a number, e.g. {@code
 *     eu-central-1}, {@code us-gov-west-1}
 */
public record AwsRegion(String name) {

    /** The shape of every AWS region name. */
    private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2}");

    /**
     * @throws InvalidInput (field {@code homeRegion}) if the name is not an AWS region name
     */
    public AwsRegion {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw InvalidInput.of("homeRegion", "must be an AWS region name such as eu-central-1");
        }
    }

    /**
     * Whether something with this home is homed here. Something without a home (written before
     * homes existed, or in a single-region deployment) is homed in every region that reads it.
     */
    public boolean isHomeOf(Optional<AwsRegion> home) {
        return home.isEmpty() || home.get().equals(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
