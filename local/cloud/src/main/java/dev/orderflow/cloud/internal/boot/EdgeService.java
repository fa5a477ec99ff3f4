package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.edge.EdgeRouter;
import java.util.List;

/** The single AWS endpoint; the services after it register their routes on it. */
public final class EdgeService implements EmulatedService {

    private final BootSettings settings;
    private EdgeRouter router;

    public EdgeService(BootSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        router = new EdgeRouter("127.0.0.1", settings.edgePort());
    }

    public EdgeRouter router() {
        return router;
    }

    @Override
    public List<String> describe() {
        return List.of();
    }

    @Override
    public void close() {
        if (router != null) {
            router.close();
        }
    }
}
