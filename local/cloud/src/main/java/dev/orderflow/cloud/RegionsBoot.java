package dev.orderflow.cloud;

import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.template.TableSpec;
import dev.orderflow.dynamodb.GlobalTables.Consistency;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Boots {@link LocalRegions}: the primary first (the others trust its issuer), then the others
 * together; each region joins the global tables as soon as its DynamoDB engine has its tables, and
 * once every region is up the tables tagged global (and with strong stock the Inventory table)
 * replicate.
 */
final class RegionsBoot {

    private final List<Region> regions;
    private final GlobalTableLinks links;
    private final Consistency stockConsistency;

    RegionsBoot(List<Region> regions, Duration replicationLag, Consistency stockConsistency) {
        this.regions = List.copyOf(regions);
        this.links = new GlobalTableLinks(replicationLag);
        this.stockConsistency = stockConsistency;
    }

    /**
     * @throws LocalCloudException when a region cannot start (the others are stopped)
     */
    LocalRegions start() {
        try {
            Region first = regions.get(0);
            LocalCloud primary =
                    first.start(Optional.empty(), engine -> links.attach(first.name(), engine));
            LocalIssuer issuer = primary.assembly().issuer();
            startTogether(regions.subList(1, regions.size()), issuer);
            Map<String, Consistency> replicated = replicated(primary);
            LocalRegions started = new LocalRegions(regions, links, replicated, issuer);
            for (Region region : regions) {
                started.control(region.cloud().orElseThrow());
            }
            replicated.forEach(links::replicate);
            return started;
        } catch (RuntimeException e) {
            links.close();
            regions.forEach(Region::close);
            throw e;
        }
    }

    private void startTogether(List<Region> others, LocalIssuer issuer) {
        List<CompletableFuture<LocalCloud>> starts =
                others.stream()
                        .map(
                                r ->
                                        CompletableFuture.supplyAsync(
                                                () ->
                                                        r.start(
                                                                Optional.of(issuer),
                                                                engine ->
                                                                        links.attach(
                                                                                r.name(), engine))))
                        .toList();
        RuntimeException failure = null;
        for (CompletableFuture<LocalCloud> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure =
                            e.getCause() instanceof RuntimeException r
                                    ? r
                                    : new LocalCloudException(
                                            "cannot start: " + e.getCause(), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The tables tagged global, and with strong stock the Inventory table as STRONG. */
    private Map<String, Consistency> replicated(LocalCloud primary) {
        Map<String, Consistency> tables = new LinkedHashMap<>();
        for (TableSpec table : primary.assembly().tables()) {
            if (table.tag(LocalRegions.REPLICATION_TAG).filter("global"::equals).isPresent()) {
                tables.put(table.name(), Consistency.EVENTUAL);
            }
        }
        if (stockConsistency == Consistency.STRONG) {
            String inventory =
                    primary.physicalId("DataInventory")
                            .orElseThrow(
                                    () ->
                                            new LocalCloudException(
                                                    "strong stock consistency: the template has no"
                                                            + " Inventory table (logical id"
                                                            + " DataInventory...)"));
            tables.put(inventory, Consistency.STRONG);
        }
        return Collections.unmodifiableMap(tables);
    }
}
