package dev.orderflow.cloud.internal.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.PhysicalIds;
import dev.orderflow.cloud.internal.template.QueueSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.collection.immutable.Nil$;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ on a loopback port, advertising queue URLs on the edge (so URLs handed to clients route
 * back through it), with the template's queues created in it.
 *
 * <p>With a data directory, queues and messages persist through ElasticMQ's own SQL persistence (an
 * H2 database file): every queue and message change (send, receive with its receive count and
 * visibility deadline, delete, visibility change) is written before ElasticMQ answers the request,
 * and everything is restored before the server takes requests. ElasticMQ keeps that database in a
 * JVM-wide connection pool, so one JVM runs at most one persistent queue service at a time.
 */
public final class QueueService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    private final SQSRestServer server;
    private final URI endpoint;
    private final AwsJsonClient client;
    private final ActorSystem actors;

    /**
     * Starts ElasticMQ.
     *
     * @param dataDir where queues and messages persist; empty keeps them in memory
     */
    public QueueService(String region, String account, int edgePort, Optional<Path> dataDir) {
        TheSQSRestServerBuilder builder =
                SQSRestServerBuilder.withInterface("127.0.0.1")
                        .withPort(0)
                        .withAWSRegion(region)
                        .withAWSAccountId(account)
                        .withServerAddress(NodeAddress.apply("http", "localhost", edgePort, ""));
        ActorRef persistence = null;
        ActorRef manager = null;
        if (dataDir.isPresent()) {
            try {
                Files.createDirectories(dataDir.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            actors = ActorSystem.create("elasticmq");
            // WRITE_DELAY=0: H2 commits each change to its file at once, so a killed process keeps
            // every message ElasticMQ acknowledged.
            String url =
                    "jdbc:h2:file:"
                            + dataDir.get().toAbsolutePath().resolve("elasticmq")
                            + ";WRITE_DELAY=0";
            SqlQueuePersistenceConfig config =
                    new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
            openPool(url);
            persistence =
                    actors.actorOf(
                            Props.create(SqlQueuePersistenceActor.class, config, Nil$.MODULE$));
            manager =
                    actors.actorOf(
                            Props.create(
                                    QueueManagerActor.class,
                                    new NowProvider(),
                                    StrictSQSLimits$.MODULE$,
                                    Option.apply(persistence)));
            builder = builder.withActorSystem(actors).withQueueManagerActor(manager);
        } else {
            actors = null;
        }
        this.server = builder.start();
        InetSocketAddress address = server.waitUntilStarted().localAddress();
        if (persistence != null) {
            restore(persistence, manager);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + address.getPort());
        this.client = AwsJsonClient.sqs(endpoint);
    }

    /**
     * Points scalikejdbc's global pool, which ElasticMQ's persistence uses, at this data directory.
     * ElasticMQ initialises that pool only once per JVM, so a second persistent service in the same
     * JVM (a restart in a test) would otherwise write to the first one's database.
     */
    private static void openPool(String url) {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the H2 driver is missing from the classpath", e);
        }
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(url, "", "", settings, pools.singleton$default$5(url, "", "", settings));
    }

    private static void restore(ActorRef persistence, ActorRef manager) {
        try {
            Object result =
                    Patterns.ask(
                                    persistence,
                                    new QueueEvent.Restore(manager),
                                    Duration.ofMinutes(1))
                            .toCompletableFuture()
                            .get();
            if (result instanceof scala.util.Left) {
                throw new IllegalStateException("cannot restore the SQS queues: " + result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the SQS queues", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot restore the SQS queues", e.getCause());
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public AwsJsonClient client() {
        return client;
    }

    /** Creates the queues, dead-letter targets first, and records their real URLs. */
    public List<String> provision(List<QueueSpec> queues, PhysicalIds ids) {
        List<QueueSpec> ordered = new ArrayList<>(queues);
        ordered.sort(Comparator.comparing(q -> q.attributes().containsKey("RedrivePolicy")));
        List<String> lines = new ArrayList<>();
        for (QueueSpec queue : ordered) {
            ObjectNode request = Json.object().put("QueueName", queue.name());
            ObjectNode attributes = request.putObject("Attributes");
            queue.attributes().forEach(attributes::put);
            String url;
            try {
                url = createOrUpdate(request);
            } catch (AwsCallException e) {
                throw new IllegalStateException("queue " + queue.name() + ": " + e.getMessage(), e);
            }
            ids.overrideRef(queue.logicalId(), url);
            LOG.info("queue {} created", url);
            lines.add("queue    " + url + describe(queue));
        }
        return lines;
    }

    /**
     * Creates the queue; one kept in the data directory from an earlier run with other attributes
     * gets the template's attributes (its messages stay).
     */
    private String createOrUpdate(ObjectNode request) {
        try {
            return client.call("CreateQueue", request).path("QueueUrl").asText();
        } catch (AwsCallException e) {
            if (!e.code().contains("QueueAlreadyExists") && !e.code().contains("QueueNameExists")) {
                throw e;
            }
            String url =
                    client.call(
                                    "GetQueueUrl",
                                    Json.object()
                                            .put("QueueName", request.path("QueueName").asText()))
                            .path("QueueUrl")
                            .asText();
            ObjectNode attributes = ((ObjectNode) request.path("Attributes")).deepCopy();
            attributes.remove("FifoQueue"); // fixed at creation
            if (!attributes.isEmpty()) {
                ObjectNode update = Json.object().put("QueueUrl", url);
                update.set("Attributes", attributes);
                client.call("SetQueueAttributes", update);
            }
            LOG.info("queue {} kept from the data directory, attributes updated", url);
            return url;
        }
    }

    private static String describe(QueueSpec queue) {
        List<String> notes = new ArrayList<>();
        String visibility = queue.attributes().get("VisibilityTimeout");
        if (visibility != null) {
            notes.add("visibility " + visibility + " s");
        }
        if ("true".equals(queue.attributes().get("FifoQueue"))) {
            notes.add("FIFO");
        }
        String redrive = queue.attributes().get("RedrivePolicy");
        if (redrive != null) {
            var policy = Json.parse(redrive);
            String dlq = policy.path("deadLetterTargetArn").asText();
            notes.add(
                    "DLQ "
                            + dlq.substring(dlq.lastIndexOf(':') + 1)
                            + " after "
                            + policy.path("maxReceiveCount").asText()
                            + " receives");
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    @Override
    public void close() {
        server.stopAndWait();
        if (actors != null) {
            actors.terminate();
            try {
                actors.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("ElasticMQ's actor system did not stop: {}", e.toString());
            }
            // Closes the H2 database (ElasticMQ keeps it in scalikejdbc's global pool).
            ConnectionPool$.MODULE$.closeAll();
        }
    }
}
