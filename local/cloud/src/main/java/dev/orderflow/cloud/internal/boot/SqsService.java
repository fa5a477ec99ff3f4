package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.sqs.QueueService;
import dev.orderflow.cloud.internal.template.CfnStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ElasticMQ behind the edge, with the template's queues. */
public final class SqsService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final List<String> queueLines = new ArrayList<>();
    private QueueService queues;

    public SqsService(BootSettings settings, CfnStack stack, EdgeService edge) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
    }

    @Override
    public void start() {
        queues =
                settings.keptQueues()
                        .map(kept -> kept.openOrReuse(this::newQueueService))
                        .orElseGet(this::newQueueService);
        edge.router().forward("sqs", queues.endpoint());
        queueLines.addAll(queues.provision(stack.queues(), stack.ids()));
    }

    /**
     * ElasticMQ for this stack; its URLs name the edge. Kept queues live in memory: ElasticMQ's
     * persistence is one database per JVM, which the regions that keep queues could not share.
     */
    private QueueService newQueueService() {
        return new QueueService(
                settings.region(),
                BootSettings.ACCOUNT,
                edge.router().port(),
                settings.keptQueues().isPresent()
                        ? Optional.empty()
                        : settings.dataDir().map(d -> d.resolve("sqs")));
    }

    URI endpoint() {
        return queues.endpoint();
    }

    AwsJsonClient client() {
        return queues.client();
    }

    @Override
    public List<String> describe() {
        return List.copyOf(queueLines);
    }

    @Override
    public void close() {
        if (queues != null && settings.keptQueues().isEmpty()) {
            queues.close();
        }
    }
}
