package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** State kept in {@code --data-dir} survives a restart: items, and the token issuer's key. */
class DataDirIT {

    @TempDir Path dataDir;

    private LocalCloud boot() {
        return LocalCloud.builder()
                .template(SharedCloud.template())
                .functionCode(SharedCloud.handlerJar())
                .edgePort(0)
                .gatewayPort(0)
                .dataDir(dataDir)
                .start();
    }

    @Test
    void restart_keepsTableItemsAndAcceptsTokensMintedBefore() throws Exception {
        String token;
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("restart-1"));
        try (LocalCloud first = boot()) {
            String table = first.physicalId("DataIdempotency").orElseThrow();
            try (DynamoDbClient dynamo = Clients.dynamo(first.edgeEndpoint())) {
                dynamo.putItem(
                        r ->
                                r.tableName(table)
                                        .item(
                                                Map.of(
                                                        "id",
                                                        AttributeValue.fromS("restart-1"),
                                                        "v",
                                                        AttributeValue.fromN("42"))));
            }
            token = first.token("carol", List.of(), List.of(), Duration.ofHours(1));
        }

        try (LocalCloud second = boot()) {
            String table = second.physicalId("DataIdempotency").orElseThrow();
            try (DynamoDbClient dynamo = Clients.dynamo(second.edgeEndpoint())) {
                assertThat(dynamo.getItem(r -> r.tableName(table).key(key)).item().get("v").n())
                        .isEqualTo("42");
            }
            HttpResponse<String> me =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(second.gatewayEndpoint() + "/me"))
                                            .header("Authorization", "Bearer " + token)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(second.report().emulated()).anyMatch(l -> l.contains("DataIdempotency"));
        }
    }
}
