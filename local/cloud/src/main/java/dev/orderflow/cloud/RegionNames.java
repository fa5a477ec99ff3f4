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

    /**
     * The region sets of DynamoDB's multi-Region strong consistency: an MRSC table's three replicas
     * lie in one of them (the same sets infra's {@code Topology} checks before synthesizing).
     */
    static final List<List<String>> MRSC_REGION_SETS =
            List.of(
                    List.of("us-east-1", "us-east-2", "us-west-2"),
                    List.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
                    List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    /**
     * Checks regions for strong stock: exactly three, of one MRSC region set, as DynamoDB requires.
     *
     * @throws IllegalArgumentException naming the rule the regions break
     */
    public static void checkStrongStock(List<String> names) {
        if (names.size() != 3) {
            throw new IllegalArgumentException(
                    "--stock-consistency strong needs exactly three regions (as DynamoDB's"
                            + " multi-region strong consistency), not "
                            + names.size());
        }
        if (MRSC_REGION_SETS.stream().noneMatch(set -> set.containsAll(names))) {
            throw new IllegalArgumentException(
                    "--stock-consistency strong needs three regions of one multi-region strong"
                            + " consistency region set "
                            + MRSC_REGION_SETS
                            + ", not "
                            + names);
        }
    }
}
