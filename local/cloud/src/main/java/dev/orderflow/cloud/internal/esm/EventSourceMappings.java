package dev.orderflow.cloud.internal.esm;

import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the template's event source mappings: an SQS mapping with as many batches in flight as its
 * backlog needs, up to {@link #concurrentBatches}; a stream mapping on one thread that reads each
 * shard's batches in order.
 */
public final class EventSourceMappings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSourceMappings.class);

    private final List<SqsPoller> pollers = new ArrayList<>();
    private final List<StreamPoller> streamPollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** How long closing waits for stream batches in delivery. */
    private static final long STOP_GRACE_NANOS = 2_000_000_000L;

    private final List<String> unsupported = new ArrayList<>();
    private final List<String> unsupportedProperties = new ArrayList<>();

    public EventSourceMappings(
            List<EventSourceMappingSpec> mappings,
            AwsJsonClient sqs,
            AwsJsonClient dynamoStreams,
            LambdaRuntime lambdas,
            String region,
            Optional<Path> dataDir) {
        for (EventSourceMappingSpec m : mappings) {
            if (!m.enabled()) {
                continue;
            }
            List<String> notEmulated = new ArrayList<>(m.unsupportedProperties());
            notEmulated.addAll(EventFilter.unsupported(m.filterPatterns()));
            notEmulated.forEach(
                    p -> {
                        unsupportedProperties.add(m.logicalId() + ": " + p);
                        LOG.warn(
                                "event source mapping {}: {} is not emulated locally",
                                m.logicalId(),
                                p);
                    });
            if (m.eventSourceArn().contains(":sqs:")) {
                SqsPoller poller =
                        new SqsPoller(m, sqs, lambdas, region, concurrentBatches(m, lambdas));
                poller.start();
                pollers.add(poller);
                LOG.info(
                        "event source mapping {} polls {} for {} (up to {} batches at a time)",
                        m.logicalId(),
                        m.eventSourceArn(),
                        m.functionName(),
                        poller.maxBatches());
            } else if (m.eventSourceArn().contains(":dynamodb:")
                    && m.eventSourceArn().contains("/stream/")) {
                StreamPoller poller =
                        new StreamPoller(
                                m,
                                dynamoStreams,
                                sqs,
                                lambdas,
                                region,
                                dataDir.map(d -> ShardCheckpoints.in(d, m.logicalId()))
                                        .orElseGet(ShardCheckpoints::inMemory));
                streamPollers.add(poller);
                Thread t = DaemonThreads.daemon(poller, "esm-" + m.logicalId());
                threads.add(t);
                t.start();
                LOG.info(
                        "event source mapping {} reads {} for {}",
                        m.logicalId(),
                        m.eventSourceArn(),
                        m.functionName());
            } else {
                unsupported.add(m.logicalId() + " (" + m.eventSourceArn() + ")");
            }
        }
    }

    /**
     * How many batches an SQS mapping may keep in flight: as many as the function may run at once
     * (Lambda scales an SQS mapping's pollers up to the function's concurrency), and no more than
     * {@code ScalingConfig.MaximumConcurrency} when the template sets it.
     */
    static int concurrentBatches(EventSourceMappingSpec m, LambdaRuntime lambdas) {
        int function = lambdas.find(m.functionName()).map(f -> f.concurrencyLimit()).orElse(1);
        int cap = m.maximumConcurrency() > 0 ? m.maximumConcurrency() : Integer.MAX_VALUE;
        return Math.max(1, Math.min(function, cap));
    }

    /** Where each polled mapping is now: SQS pollers and batches, stream checkpoints. */
    public List<MappingPosition> positions() {
        List<MappingPosition> out = new ArrayList<>();
        pollers.forEach(p -> out.add(p.position()));
        streamPollers.forEach(p -> out.add(p.position()));
        return out;
    }

    /** Properties of polled mappings that the local pollers do not emulate, one line each. */
    public List<String> unsupportedProperties() {
        return List.copyOf(unsupportedProperties);
    }

    /** Mappings whose source the local cloud cannot poll (Kinesis, MSK, ...). */
    public List<String> unsupported() {
        return List.copyOf(unsupported);
    }

    @Override
    public void close() {
        pollers.forEach(SqsPoller::stop);
        streamPollers.forEach(StreamPoller::stop);
        // A batch being delivered gets a moment to finish and record its position, so that a
        // restart does not deliver it again; after that, stragglers are interrupted.
        long deadline = System.nanoTime() + STOP_GRACE_NANOS;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        threads.forEach(Thread::interrupt);
    }
}
