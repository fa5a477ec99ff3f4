package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * Provisioned throughput changes as DescribeTable reports them and as DynamoDB limits them: four
 * decreases at any time of a UTC day, then one an hour ("Service, account, and table quotas",
 * Developer Guide); increases unlimited. ProvisionedThroughputDescription (API reference) names the
 * fields.
 */
class ThroughputChangesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private DynamoDbServer server;
    private DynamoDbClient client;
    private String table;

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @BeforeEach
    void start() {
        server = DynamoDbServer.builder().port(0).clock(clock).start();
        client = LocalDynamo.client(server.endpoint());
        table = LocalDynamo.tableName("throughput");
        client.createTable(
                b ->
                        b.tableName(table)
                                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                                .attributeDefinitions(LocalDynamo.def("pk"))
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void provision(long read, long write) {
        client.updateTable(
                b ->
                        b.tableName(table)
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
    }

    private ProvisionedThroughputDescription throughput() {
        return client.describeTable(b -> b.tableName(table)).table().provisionedThroughput();
    }

    @Test
    void increases_areUnlimited_andRecorded() {
        assertThat(throughput().lastIncreaseDateTime()).isNull();
        provision(20, 20);
        clock.advance(Duration.ofSeconds(1));
        provision(40, 40);
        assertThat(throughput().lastIncreaseDateTime()).isEqualTo(clock.instant());
        assertThat(throughput().numberOfDecreasesToday()).isZero();
    }

    @Test
    void fourDecreases_thenOneAnHour_andTheCountRestartsEachUtcDay() {
        for (long units = 9; units >= 6; units--) {
            provision(units, 10);
        }
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(4);
        assertThat(throughput().lastDecreaseDateTime()).isEqualTo(clock.instant());

        assertThatThrownBy(() -> provision(5, 10))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Number of decreases today: 4");
        assertThat(throughput().readCapacityUnits()).as("nothing changed").isEqualTo(6);
        provision(6, 11); // an increase is still allowed

        clock.advance(Duration.ofMinutes(59));
        assertThatThrownBy(() -> provision(5, 11)).isInstanceOf(LimitExceededException.class);
        clock.advance(Duration.ofMinutes(1));
        provision(5, 11);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(5);

        clock.advance(Duration.ofDays(1));
        assertThat(throughput().numberOfDecreasesToday()).isZero();
        provision(4, 11);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(1);
    }
}
