package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.centers.CenterDirectory;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fulfillment centers in memory, by id. */
public final class InMemoryCenterDirectory implements CenterDirectory {

    private final Map<CenterId, FulfillmentCenter> centers = new ConcurrentHashMap<>();

    /** Adds or replaces centers. */
    public InMemoryCenterDirectory with(FulfillmentCenter... added) {
        for (FulfillmentCenter c : added) {
            centers.put(c.id(), c);
        }
        return this;
    }

    @Override
    public List<FulfillmentCenter> all() {
        return List.copyOf(centers.values());
    }

    @Override
    public Optional<FulfillmentCenter> find(CenterId id) {
        return Optional.ofNullable(centers.get(id));
    }

    @Override
    public boolean save(FulfillmentCenter center) {
        return centers.put(center.id(), center) == null;
    }
}
