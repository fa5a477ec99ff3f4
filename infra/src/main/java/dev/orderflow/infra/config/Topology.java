package dev.orderflow.infra.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * Where orderflow runs, from CDK context: one region (no {@code regions}: the stack as it always
 * was, in the CLI's region) or several, and what the multi-region deployment adds (see the README's
 * configuration table and {@code docs/multi-region.md}).
 *
 * @param regions {@code regions}: empty for the single-region stack, else 2 to {@value
 *     #MAX_REGIONS} distinct region names; the first is the primary, which holds the global tables
 *     and the user pool
 * @param stockConsistency {@code stockConsistency}: {@code eventual} (default: every center's stock
 *     lives in its home region's own Inventory table) or {@code strong} (Inventory is one
 *     multi-Region strongly consistent global table; exactly three regions of one region set)
 * @param domain {@code domainName} and {@code hostedZoneId}: the public name {@code
 *     api.<domainName>}, routed by latency to the regions' distributions, if any
 */
public record Topology(
        List<String> regions, StockConsistency stockConsistency, Optional<CustomDomain> domain) {

    /** At most this many regions: a deployment, not a replica, per region, each with its edge. */
    public static final int MAX_REGIONS = 5;

    /** CloudFront's web ACLs and certificates exist only here. */
    public static final String EDGE_REGION = "us-east-1";

    /** An AWS region name: {@code eu-central-1}, {@code us-gov-west-1}, {@code ap-southeast-5}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    /**
     * The region sets of multi-Region strong consistency: an MRSC table's three replicas must lie
     * in one of them (DynamoDB developer guide, "Multi-Region strong consistency"; the same sets
     * CDK's {@code TableV2} checks).
     */
    private static final List<List<String>> MRSC_REGION_SETS =
            List.of(
                    List.of("us-east-1", "us-east-2", "us-west-2"),
                    List.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
                    List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    /** How Inventory replicates. */
    public enum StockConsistency {
        /** Each region's own Inventory table; a center's stock lives in its home region only. */
        EVENTUAL,
        /** One MRSC Inventory table across exactly three regions. */
        STRONG;

        /** The value in context and in the functions' {@code STOCK_CONSISTENCY}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The public domain of a multi-region deployment.
     *
     * @param domainName {@code domainName}: the zone's name, e.g. {@code shop.example.com}; the API
     *     answers at {@code api.<domainName>}
     * @param hostedZoneId {@code hostedZoneId}: the Route 53 public hosted zone of that name
     */
    public record CustomDomain(String domainName, String hostedZoneId) {

        private static final Pattern DOMAIN =
                Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
        private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

        public CustomDomain {
            if (!DOMAIN.matcher(domainName).matches()) {
                throw new IllegalArgumentException(
                        "context 'domainName' must be a lower-case DNS name such as"
                                + " shop.example.com, got '"
                                + domainName
                                + "'");
            }
            if (!ZONE_ID.matcher(hostedZoneId).matches()) {
                throw new IllegalArgumentException(
                        "context 'hostedZoneId' must be a Route 53 hosted zone id such as"
                                + " Z0123456789ABCDEFGHIJ, got '"
                                + hostedZoneId
                                + "'");
            }
        }

        /** The name clients call: {@code api.<domainName>}. */
        public String apiName() {
            return "api." + domainName;
        }
    }

    public Topology {
        regions = List.copyOf(regions);
        if (!regions.isEmpty()) {
            checkRegions(regions);
        }
        if (stockConsistency == StockConsistency.STRONG) {
            checkStrongStock(regions);
        }
        if (domain.isPresent() && regions.isEmpty()) {
            throw new IllegalArgumentException(
                    "context 'domainName' and 'hostedZoneId' need context 'regions': the"
                            + " latency-routed name points at the regions' CloudFront"
                            + " distributions");
        }
    }

    private static void checkRegions(List<String> regions) {
        for (String region : regions) {
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException(
                        "context 'regions' must list AWS region names such as eu-central-1, got '"
                                + region
                                + "'");
            }
        }
        if (new HashSet<>(regions).size() != regions.size()) {
            throw new IllegalArgumentException(
                    "context 'regions' must not name a region twice, got " + regions);
        }
        if (regions.size() < 2 || regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException(
                    "context 'regions' must name 2 to "
                            + MAX_REGIONS
                            + " regions (leave it out for one region), got "
                            + regions);
        }
    }

    private static void checkStrongStock(List<String> regions) {
        if (regions.size() != 3) {
            throw new IllegalArgumentException(
                    "context 'stockConsistency=strong' needs exactly three regions in context"
                            + " 'regions' (a multi-Region strongly consistent table has three"
                            + " replicas), got "
                            + (regions.isEmpty() ? "none" : regions));
        }
        if (MRSC_REGION_SETS.stream().noneMatch(set -> set.containsAll(regions))) {
            throw new IllegalArgumentException(
                    "context 'stockConsistency=strong' needs the three 'regions' in one region"
                            + " set of multi-Region strong consistency "
                            + MRSC_REGION_SETS
                            + ", got "
                            + regions);
        }
    }

    /** Today's single stack, in the CLI's region. */
    public static Topology singleRegion() {
        return new Topology(List.of(), StockConsistency.EVENTUAL, Optional.empty());
    }

    /** Whether the app deploys one stack per region. */
    public boolean isMultiRegion() {
        return !regions.isEmpty();
    }

    /**
     * The region holding the global tables and the user pool.
     *
     * @throws IllegalStateException in the single-region deployment
     */
    public String primary() {
        if (regions.isEmpty()) {
            throw new IllegalStateException("a single-region deployment has no primary region");
        }
        return regions.get(0);
    }

    /** Every region but the primary. */
    public List<String> replicaRegions() {
        return regions.isEmpty() ? List.of() : regions.subList(1, regions.size());
    }

    /**
     * Reads {@code regions}, {@code stockConsistency}, {@code domainName}, {@code hostedZoneId}.
     */
    public static Topology fromContext(Node node) {
        List<String> regions =
                text(node, "regions")
                        .map(
                                v ->
                                        Arrays.stream(v.split(","))
                                                .map(String::trim)
                                                .filter(s -> !s.isEmpty())
                                                .toList())
                        .orElse(List.of());
        StockConsistency stock =
                text(node, "stockConsistency")
                        .map(Topology::stockConsistency)
                        .orElse(StockConsistency.EVENTUAL);
        Optional<String> domainName = text(node, "domainName");
        Optional<String> zone = text(node, "hostedZoneId");
        if (domainName.isPresent() != zone.isPresent()) {
            throw new IllegalArgumentException(
                    "context 'domainName' and 'hostedZoneId' go together: give both or neither");
        }
        return new Topology(
                regions, stock, domainName.map(name -> new CustomDomain(name, zone.orElseThrow())));
    }

    private static StockConsistency stockConsistency(String value) {
        return Arrays.stream(StockConsistency.values())
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "context 'stockConsistency' must be eventual or strong,"
                                                + " got '"
                                                + value
                                                + "'"));
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().trim());
    }
}
