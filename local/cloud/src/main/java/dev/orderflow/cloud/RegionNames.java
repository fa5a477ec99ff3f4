package dev.orderflow.cloud;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The regions of a multi-region stack as a command line gives them: 2 to 5 distinct AWS region
 * names (decision 1 of docs/multi-region.md), the first being the primary.
 */
public final class RegionNames {

    /** At least two (one is the single-region stack), at most what the CDK app synthesizes. */
    public static final int MIN = 2;

    public static final int MAX = 5;

    /** {@code eu-central-1}, {@code us-east-1}, {@code ap-southeast-2}, {@code us-gov-west-1}. */
    private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private RegionNames() {}

    /**
     * Splits and checks a comma-separated list.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<String> parse(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String name : commaSeparated.split(",", -1)) {
            names.add(name.strip());
        }
        return check(names);
    }

    /**
     * Checks one region name against the pattern of AWS's.
     *
     * @throws IllegalArgumentException when it is not a region name
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not an AWS region name (like eu-central-1 or us-east-1)");
        }
        return name;
    }

    /**
     * Checks a list of region names: the pattern, no duplicates, {@value #MIN} to {@value #MAX}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<String> check(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            checkName(name);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("region " + name + " is given twice");
            }
        }
        if (names.size() < MIN || names.size() > MAX) {
            throw new IllegalArgumentException(
                    "--regions takes "
                            + MIN
                            + " to "
                            + MAX
                            + " regions, not "
                            + names.size()
                            + " (without --regions, one stack runs)");
        }
        return List.copyOf(names);
    }
}
