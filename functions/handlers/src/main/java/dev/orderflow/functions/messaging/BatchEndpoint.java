package dev.orderflow.functions.messaging;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.region.AwsRegion;
import dev.orderflow.functions.observability.HandlerMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What every queue- or stream-driven handler does around its use case: structured logging context
 * ({@code requestId}, and per record {@code correlationId} and {@code orderId}), the single
 * top-level failure mapper for batches, one log line per record and per batch, and the edge
 * metrics. A record that fails, for whatever reason, is reported back as a batch item failure and
 * never fails the rest of the batch: a malformed one goes back to its queue until the redrive
 * policy dead-letters it, a transient failure is retried.
 */
public final class BatchEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEndpoint.class);

    /** One record of a batch. */
    public record Item<R>(String id, String correlationId, R record) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(correlationId, "correlationId");
        }
    }

    /** What the handler does with one record; returns a short outcome for the log line. */
    @FunctionalInterface
    public interface Work<R> {
        String process(R record);
    }

    private final String name;
    private final HandlerMetrics metrics;

    /**
     * @param name what the function does, for the log lines, e.g. {@code FulfillShipment}
     * @param metrics where the edge metrics go
     */
    public BatchEndpoint(String name, HandlerMetrics metrics) {
        this.name = Objects.requireNonNull(name, "name");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Puts the order a record is about on every log line written while it is processed. */
    public static void aboutOrder(OrderId order) {
        MDC.put("orderId", order.value());
    }

    /**
     * Processes every record, never letting an exception escape.
     *
     * @param stopAtFirstFailure for ordered sources (streams): records after a failed one are
     *     redelivered with it anyway, so they are not processed now
     * @return the ids of the records that failed, in order
     */
    public <R> List<String> process(
            Context context, List<Item<R>> items, Work<R> work, boolean stopAtFirstFailure) {
        return PowertoolsLogging.withLogging(
                context,
                () ->
                        processLogged(
                                context, items, r -> Optional.empty(), work, stopAtFirstFailure));
    }

    /**
     * As {@link #process}, for records about orders (the orders table's stream): a record whose
     * order is homed in another region is that region's to process (docs/multi-region.md), so it is
     * skipped with a DEBUG line and counted ({@code RecordsHomedElsewhere}); a record whose order
     * has no home, or is homed here, is processed.
     *
     * @param homeOf the home region of the record's order, empty when it has none; may throw {@link
     *     InvalidInput} for a malformed record
     */
    public <R> List<String> processHomedIn(
            AwsRegion here,
            Context context,
            List<Item<R>> items,
            Function<R, Optional<AwsRegion>> homeOf,
            Work<R> work,
            boolean stopAtFirstFailure) {
        Function<R, Optional<AwsRegion>> elsewhere =
                record -> homeOf.apply(record).filter(home -> !home.equals(here));
        return PowertoolsLogging.withLogging(
                context, () -> processLogged(context, items, elsewhere, work, stopAtFirstFailure));
    }

    private <R> List<String> processLogged(
            Context context,
            List<Item<R>> items,
            Function<R, Optional<AwsRegion>> elsewhere,
            Work<R> work,
            boolean stopAtFirstFailure) {
        MDC.put("requestId", context.getAwsRequestId());
        metrics.coldStart(context);
        List<String> failed = new ArrayList<>();
        int processed = 0;
        for (Item<R> item : items) {
            if (stopAtFirstFailure && !failed.isEmpty()) {
                break;
            }
            processed++;
            MDC.put("correlationId", item.correlationId());
            try {
                Optional<AwsRegion> home = elsewhere.apply(item.record());
                if (home.isPresent()) {
                    metrics.count("RecordsHomedElsewhere", 1);
                    LOG.debug(
                            "{} record {} -> skipped: its order is homed in {}",
                            name,
                            item.id(),
                            home.get());
                    continue;
                }
                String outcome = work.process(item.record());
                LOG.info("{} record {} -> {}", name, item.id(), outcome);
            } catch (InvalidInput malformed) {
                failed.add(item.id());
                metrics.count("PoisonMessages", 1);
                LOG.warn(
                        "{} record {} is malformed and is handed back for the dead-letter queue: {}",
                        name,
                        item.id(),
                        malformed.getMessage());
            } catch (DependencyUnavailable unavailable) {
                failed.add(item.id());
                metrics.count("TransientFailures", 1);
                LOG.warn(
                        "{} record {} will be retried: {}",
                        name,
                        item.id(),
                        unavailable.getMessage());
            } catch (RuntimeException bug) {
                // The single top-level mapper: the stack is logged once, the record retried.
                failed.add(item.id());
                metrics.count("ProcessingErrors", 1);
                LOG.error("{} record {} failed", name, item.id(), bug);
            } finally {
                MDC.remove("orderId");
                MDC.remove("correlationId");
            }
        }
        metrics.count("Records", processed);
        metrics.count("BatchItemFailures", failed.size());
        metrics.flush();
        LOG.info(
                "{} batch of {}: {} processed, {} failed",
                name,
                items.size(),
                processed,
                failed.size());
        MDC.remove("requestId");
        return failed;
    }
}
