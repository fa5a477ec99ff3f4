package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Probing tables through the real SDK against the project's DynamoDB engine. */
class DynamoTableProbeIT {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void check_passes_forAnExistingActiveTable() {
        String table = LocalDynamo.createOrdersTable();

        assertThatCode(
                        () ->
                                new DynamoTableProbe(LocalDynamo.client(), "orders", table, LIMIT)
                                        .check())
                .doesNotThrowAnyException();
    }

    @Test
    void check_isUnavailable_forAMissingTable_namingIt() {
        String missing = "orders-missing-" + UUID.randomUUID();
        var probe = new DynamoTableProbe(LocalDynamo.client(), "orders", missing, LIMIT);

        assertThatThrownBy(probe::check)
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("not found");
    }

    @Test
    void check_isUnavailable_forADeletedTable() {
        String table = LocalDynamo.createTable("gone", "pk", null);
        var probe = new DynamoTableProbe(LocalDynamo.client(), "centers", table, LIMIT);
        probe.check();

        LocalDynamo.client().deleteTable(d -> d.tableName(table));

        assertThatThrownBy(probe::check)
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining(table);
    }
}
