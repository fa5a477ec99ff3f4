package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.health.DependencyProbe;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Whether one DynamoDB table is usable from this function: DescribeTable answers (the table is
 * reachable and this role may describe it) and the table serves data operations. That is {@code
 * ACTIVE}, and {@code UPDATING} too: DynamoDB keeps a table available for data operations while its
 * configuration changes (adding a global table replica or an index can take long, and must not take
 * the region out of DNS). Describing reads no item and costs no capacity.
 */
public final class DynamoTableProbe implements DependencyProbe {

    private final DynamoDbClient dynamo;
    private final String name;
    private final String tableName;
    private final Duration callTimeout;

    /**
     * @param name the dependency's name in the readiness report, e.g. {@code orders}
     * @param tableName the table's physical name
     * @param callTimeout the SDK call's own limit, retries included, so a probe the report stopped
     *     waiting for does not linger
     */
    public DynamoTableProbe(
            DynamoDbClient dynamo, String name, String tableName, Duration callTimeout) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.name = Objects.requireNonNull(name, "name");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void check() {
        TableStatus status;
        try {
            status =
                    dynamo.describeTable(
                                    d ->
                                            d.tableName(tableName)
                                                    .overrideConfiguration(
                                                            o -> o.apiCallTimeout(callTimeout)))
                            .table()
                            .tableStatus();
        } catch (ResourceNotFoundException e) {
            throw new DependencyUnavailable("table " + tableName + " (not found)", e);
        } catch (SdkException e) {
            // Unreachable, throttled, access denied, timed out: all mean this region cannot use it.
            throw new DependencyUnavailable("table " + tableName, e);
        }
        if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
            throw new DependencyUnavailable("table " + tableName + " (" + status + ")", null);
        }
    }
}
