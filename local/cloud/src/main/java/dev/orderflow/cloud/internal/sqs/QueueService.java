package dev.orderflow.cloud.internal.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.PhysicalIds;
import dev.orderflow.cloud.internal.template.QueueSpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ElasticMQ on a loopback port, advertising queue URLs on the edge (so URLs handed to clients route
 * back through it), with the template's queues created in it.
 */
public final class QueueService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    private final SQSRestServer server;
    private final URI endpoint;
    private final AwsJsonClient client;

    public QueueService(String region, String account, int edgePort) {
        this.server =
                SQSRestServerBuilder.withInterface("127.0.0.1")
                        .withPort(0)
                        .withAWSRegion(region)
                        .withAWSAccountId(account)
                        .withServerAddress(NodeAddress.apply("http", "localhost", edgePort, ""))
                        .start();
        InetSocketAddress address = server.waitUntilStarted().localAddress();
        this.endpoint = URI.create("http://127.0.0.1:" + address.getPort());
        this.client = AwsJsonClient.sqs(endpoint);
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
                url = client.call("CreateQueue", request).path("QueueUrl").asText();
            } catch (AwsCallException e) {
                throw new IllegalStateException("queue " + queue.name() + ": " + e.getMessage(), e);
            }
            ids.overrideRef(queue.logicalId(), url);
            LOG.info("queue {} created", url);
            lines.add("queue    " + url + describe(queue));
        }
        return lines;
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
    }
}
