package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class DynamoDbExtensionTest {
    static DynamoDbServer injected;

    @Test
    void extension_injectsRunningServerAndEndpoint(DynamoDbServer server, URI endpoint) {
        assertThat(injected).isSameAs(server);
        assertThat(endpoint).isEqualTo(server.endpoint());
        try (DynamoDbClient c = LocalDynamo.client(endpoint)) {
            String table = LocalDynamo.createTable(c, "ext", "pk", null);
            assertThat(c.listTables().tableNames()).contains(table);
        }
    }
}
