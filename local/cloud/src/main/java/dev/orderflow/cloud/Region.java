package dev.orderflow.cloud;

import dev.orderflow.cloud.internal.boot.KeptQueues;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.dynamodb.DynamoDbEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region of {@link LocalRegions}: a {@link LocalCloud} that can be stopped and started again on
 * the same ports from what it kept: its data directory (tables, executions, stream positions, token
 * key) and its queues, which stay in memory in a {@link KeptQueues} meanwhile.
 */
final class Region implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Region.class);

    private final String name;
    private final Supplier<LocalCloud.Builder> configured;
    private final Path dataDir;
    private final boolean temporary;
    private final KeptQueues queues = new KeptQueues();
    private int edgePort;
    private int gatewayPort;
    private LocalCloud cloud;

    /**
     * @param configured a builder with everything but ports, data directory and what is kept
     * @param dataDir where the region keeps its state; empty: a temporary one, deleted at close
     */
    Region(
            String name,
            Supplier<LocalCloud.Builder> configured,
            int edgePort,
            int gatewayPort,
            Optional<Path> dataDir) {
        this.name = name;
        this.configured = configured;
        this.edgePort = edgePort;
        this.gatewayPort = gatewayPort;
        this.temporary = dataDir.isEmpty();
        try {
            this.dataDir =
                    dataDir.isPresent()
                            ? dataDir.get()
                            : Files.createTempDirectory("orderflow-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for " + name, e);
        }
    }

    String name() {
        return name;
    }

    /**
     * Boots the region on its ports (the ones it got the first time, when they were 0).
     *
     * @param trustedIssuer the first region's issuer, whose tokens this region accepts; empty for
     *     the first region itself
     * @param dynamoDbReady told the region's DynamoDB engine before its functions and executions
     *     run
     */
    synchronized LocalCloud start(
            Optional<LocalIssuer> trustedIssuer, Consumer<DynamoDbEngine> dynamoDbReady) {
        if (cloud != null) {
            throw new IllegalStateException("region " + name + " is up");
        }
        LocalCloud.Builder builder =
                configured
                        .get()
                        .region(name)
                        .edgePort(edgePort)
                        .gatewayPort(gatewayPort)
                        .dataDir(dataDir)
                        .keptQueues(queues);
        trustedIssuer.ifPresent(builder::trustedIssuer);
        builder.onDynamoDbReady(dynamoDbReady);
        cloud = builder.start();
        edgePort = cloud.edgeEndpoint().getPort();
        gatewayPort = gateway().map(URI::getPort).orElse(gatewayPort);
        return cloud;
    }

    /** Stops the region's services; its data directory and queues stay. */
    synchronized void stop() {
        if (cloud == null) {
            throw new IllegalStateException("region " + name + " is down");
        }
        LocalCloud stopping = cloud;
        cloud = null;
        stopping.close();
    }

    synchronized boolean up() {
        return cloud != null;
    }

    /** The running stack; empty while the region is down. */
    synchronized Optional<LocalCloud> cloud() {
        return Optional.ofNullable(cloud);
    }

    /** The edge's URL, also while the region is down (it comes back on the same port). */
    synchronized URI edge() {
        return URI.create("http://localhost:" + edgePort);
    }

    /** The HTTP API's URL, also while the region is down; empty for a template without one. */
    synchronized Optional<URI> gateway() {
        if (cloud != null) {
            try {
                return Optional.of(cloud.gatewayEndpoint());
            } catch (LocalCloudException noHttpApi) {
                return Optional.empty();
            }
        }
        return gatewayPort == 0
                ? Optional.empty()
                : Optional.of(URI.create("http://localhost:" + gatewayPort));
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (cloud != null) {
            cloud.close();
            cloud = null;
        }
        queues.close();
        if (temporary) {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary data directory {}: {}", dir, e.toString());
        }
    }
}
