package dev.orderflow.cloud;

import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.dynamodb.GlobalTables.Consistency;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Several regions of the stack in one JVM (docs/multi-region.md): one {@link LocalCloud} per
 * region, booted from the same template, region i serving its edge on the edge port + i and its
 * HTTP API on the API port + i. Every region trusts the first region's token issuer (one user
 * pool); the tables the template tags {@code orderflow:replication}={@code global} replicate
 * between the regions' DynamoDB engines. A region can be taken down and brought up again with its
 * data ({@link #down}, {@link #up}).
 *
 * <p>Start with {@link #builder()}; {@link #close()} stops every region. Thread-safe.
 */
public final class LocalRegions implements AutoCloseable {

    /** The tag on a table that decides whether it replicates (decision 2). */
    public static final String REPLICATION_TAG = "orderflow:replication";

    private final List<Region> regions;
    private final GlobalTableLinks links;
    private final Map<String, Consistency> replicated;
    private final LocalIssuer issuer;

    LocalRegions(
            List<Region> regions,
            GlobalTableLinks links,
            Map<String, Consistency> replicated,
            LocalIssuer issuer) {
        this.regions = regions;
        this.links = links;
        this.replicated = replicated;
        this.issuer = issuer;
    }

    /** A builder with the defaults of {@code ./orderflow up --regions}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The region names, the primary first. */
    public List<String> names() {
        return regions.stream().map(Region::name).toList();
    }

    /**
     * The running stack of a region.
     *
     * @throws IllegalArgumentException for a region this stack does not run
     * @throws IllegalStateException while the region is down
     */
    public LocalCloud region(String name) {
        return find(name)
                .cloud()
                .orElseThrow(() -> new IllegalStateException("region " + name + " is down"));
    }

    /** Whether the region is up. */
    public boolean isUp(String name) {
        return find(name).up();
    }

    /** The region's AWS edge, also while it is down (it comes back on the same port). */
    public URI edgeEndpoint(String name) {
        return find(name).edge();
    }

    /** The region's HTTP API, also while it is down; empty for a template without one. */
    public Optional<URI> gatewayEndpoint(String name) {
        return find(name).gateway();
    }

    /** The tables that replicate between the regions: physical name to consistency. */
    public Map<String, Consistency> replicatedTables() {
        return replicated;
    }

    /** The delay after which an eventually consistent write reaches the other regions. */
    public Duration replicationLag() {
        return links.lag();
    }

    /**
     * Mints a token of the primary region's issuer, which every region accepts.
     *
     * @see LocalCloud#token
     */
    public String token(String user, List<String> scopes, List<String> groups, Duration ttl) {
        return issuer.mint(user, scopes, groups, ttl);
    }

    /**
     * Loads the demo catalog: a replicated table in the primary region only (it replicates to the
     * others), any other table in every region.
     *
     * @return how many items were written, over all regions
     */
    public synchronized int seedDemoCatalog() {
        int written = 0;
        for (int i = 0; i < regions.size(); i++) {
            boolean primary = i == 0;
            written +=
                    region(regions.get(i).name())
                            .assembly()
                            .seeder()
                            .demoCatalog(
                                    table -> primary || !replicatedTables().containsKey(table));
        }
        return written;
    }

    /**
     * Takes a region down: its edge and HTTP API ports refuse connections, its functions, pollers,
     * timers and executions stop; its data stays (data directory and queues), and replication to
     * and from it waits until it is up again.
     *
     * @throws IllegalArgumentException for a region this stack does not run
     * @throws IllegalStateException when it is down already, or the only region up
     */
    public synchronized void down(String name) {
        Region region = find(name);
        if (!region.up()) {
            throw new IllegalStateException("region " + name + " is down already");
        }
        if (regions.stream().filter(Region::up).count() == 1) {
            throw new IllegalStateException(
                    "region " + name + " is the only region up: one must stay up");
        }
        links.detach(name);
        region.stop();
    }

    /**
     * Boots a region again on its ports from what it kept; its running Step Functions executions
     * resume and replication delivers what waited for it.
     *
     * @throws IllegalArgumentException for a region this stack does not run
     * @throws IllegalStateException when it is up already
     */
    public synchronized void up(String name) {
        Region region = find(name);
        if (region.up()) {
            throw new IllegalStateException("region " + name + " is up already");
        }
        // It joins its global tables before its functions and executions run, so every write it
        // makes once up is replicated.
        LocalCloud cloud;
        try {
            cloud = region.start(trustedIssuer(region), engine -> links.attach(name, engine));
        } catch (RuntimeException failedToBoot) {
            links.detach(name);
            throw failedToBoot;
        }
        control(cloud);
    }

    private Optional<LocalIssuer> trustedIssuer(Region region) {
        return region == regions.get(0) ? Optional.empty() : Optional.of(issuer);
    }

    void control(LocalCloud cloud) {
        RegionControlRoute route = new RegionControlRoute(this, cloud.edgeEndpoint().getPort());
        cloud.assembly().edgeRouter().local(RegionControlRoute.PATH, route);
        cloud.assembly().edgeRouter().localUnder(RegionControlRoute.PATH + "/", route);
    }

    private Region find(String name) {
        return regions.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no region " + name + " (regions: " + names() + ")"));
    }

    /** Stops every region and the replication; temporary data directories are deleted. */
    @Override
    public synchronized void close() {
        links.close();
        for (int i = regions.size() - 1; i >= 0; i--) {
            regions.get(i).close();
        }
    }

    /** Configures and starts {@link LocalRegions}. */
    public static final class Builder {
        private Path template;
        private List<String> names = List.of();
        private int edgePort = 4566;
        private int gatewayPort = 3000;
        private Path dataDir;
        private Duration replicationLag = Duration.ofSeconds(1);
        private Consistency stockConsistency = Consistency.EVENTUAL;
        private Path functionCode;
        private boolean stageThrottle = true;
        private final Map<String, String> functionEnvironment = new LinkedHashMap<>();

        private Builder() {}

        /** The single-region template every region boots. */
        public Builder template(Path value) {
            this.template = Objects.requireNonNull(value);
            return this;
        }

        /** The regions, the primary first ({@link RegionNames#check}). */
        public Builder regions(List<String> value) {
            this.names = RegionNames.check(value);
            return this;
        }

        /** The first region's edge port, region i's is this + i (0: free ports). */
        public Builder edgePort(int value) {
            this.edgePort = value;
            return this;
        }

        /** The first region's HTTP API port, region i's is this + i (0: free ports). */
        public Builder gatewayPort(int value) {
            this.gatewayPort = value;
            return this;
        }

        /** Region r keeps its state in {@code value/r}; without it, in a temporary directory. */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** How long an eventually consistent write takes to reach the other regions (1 s). */
        public Builder replicationLag(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("the replication lag cannot be negative");
            }
            this.replicationLag = value;
            return this;
        }

        /**
         * {@link Consistency#STRONG}: the Inventory table replicates with strong consistency
         * (exactly three regions) and every function gets {@code STOCK_CONSISTENCY=strong}.
         */
        public Builder stockConsistency(Consistency value) {
            this.stockConsistency = Objects.requireNonNull(value);
            return this;
        }

        /** Every function from this jar ({@link LocalCloud.Builder#functionCode}). */
        public Builder functionCode(Path jar) {
            this.functionCode = jar;
            return this;
        }

        /** The stage's throttling on or off ({@link LocalCloud.Builder#stageThrottle}). */
        public Builder stageThrottle(boolean value) {
            this.stageThrottle = value;
            return this;
        }

        /**
         * A variable in every function of every region ({@link
         * LocalCloud.Builder#functionEnvironment}).
         */
        public Builder functionEnvironment(String name, String value) {
            functionEnvironment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Boots every region: the primary first (the others trust its issuer), then the others
         * together; then links the global tables.
         *
         * @throws IllegalArgumentException for settings that do not fit together
         * @throws LocalCloudException when a region cannot start (the others are stopped)
         */
        public LocalRegions start() {
            if (template == null) {
                throw new LocalCloudException("no template given");
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no regions given");
            }
            if (stockConsistency == Consistency.STRONG) {
                RegionNames.checkStrongStock(names);
            }
            List<Region> regions = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                regions.add(
                        new Region(
                                name,
                                this::configured,
                                edgePort == 0 ? 0 : edgePort + i,
                                gatewayPort == 0 ? 0 : gatewayPort + i,
                                Optional.ofNullable(dataDir).map(d -> d.resolve(name))));
            }
            return new RegionsBoot(regions, replicationLag, stockConsistency).start();
        }

        private LocalCloud.Builder configured() {
            LocalCloud.Builder builder =
                    LocalCloud.builder().template(template).stageThrottle(stageThrottle);
            if (functionCode != null) {
                builder.functionCode(functionCode);
            }
            functionEnvironment.forEach(builder::functionEnvironment);
            if (stockConsistency == Consistency.STRONG) {
                builder.functionEnvironment("STOCK_CONSISTENCY", "strong");
            }
            return builder;
        }
    }
}
