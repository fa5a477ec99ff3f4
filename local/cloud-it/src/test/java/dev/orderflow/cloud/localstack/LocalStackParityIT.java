package dev.orderflow.cloud.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.cloud.LocalCloud;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs one SDK scenario against LocalStack and against the local cloud and compares what the
 * application would observe. Only under {@code -Plocalstack}; skipped when there is no Docker.
 */
class LocalStackParityIT {

    @Test
    void sameScenario_sameObservations_onLocalStackAndTheLocalCloud() {
        Assumptions.assumeTrue(
                dockerAvailable(),
                "No Docker engine found: LocalStackParityIT needs one to run LocalStack; skipped."
                        + " The local cloud itself needs no Docker.");
        try (LocalStackContainer localstack =
                new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"))) {
            localstack.start();
            List<String> reference = scenario(localstack.getEndpoint());
            try (LocalCloud cloud =
                    LocalCloud.builder()
                            .template(
                                    Path.of(
                                            "../../infra/target/cdk.out/Orderflow-dev.template.json"))
                            .functionCode(
                                    Path.of(
                                            "../../functions/handlers/target/orderflow-handlers.jar"))
                            .edgePort(0)
                            .gatewayPort(0)
                            .start()) {
                assertThat(scenario(cloud.edgeEndpoint())).isEqualTo(reference);
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static List<String> scenario(URI endpoint) {
        var credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (DynamoDbClient dynamo =
                        DynamoDbClient.builder()
                                .endpointOverride(endpoint)
                                .region(Region.US_EAST_1)
                                .credentialsProvider(credentials)
                                .httpClient(UrlConnectionHttpClient.create())
                                .build();
                SqsClient sqs =
                        SqsClient.builder()
                                .endpointOverride(endpoint)
                                .region(Region.US_EAST_1)
                                .credentialsProvider(credentials)
                                .httpClient(UrlConnectionHttpClient.create())
                                .build()) {
            String table = "parity-" + UUID.randomUUID();
            dynamo.createTable(
                    r ->
                            r.tableName(table)
                                    .billingMode("PAY_PER_REQUEST")
                                    .attributeDefinitions(
                                            a -> a.attributeName("id").attributeType("S"))
                                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
            dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("1"))));
            String conditional;
            try {
                dynamo.putItem(
                        r ->
                                r.tableName(table)
                                        .item(Map.of("id", AttributeValue.fromS("1")))
                                        .conditionExpression("attribute_not_exists(id)"));
                conditional = "written";
            } catch (ConditionalCheckFailedException e) {
                conditional = "ConditionalCheckFailed";
            }
            String queue =
                    sqs.createQueue(r -> r.queueName("parity-" + UUID.randomUUID())).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("m1"));
            String received =
                    sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(2))
                            .messages()
                            .get(0)
                            .body();
            return List.of(conditional, received);
        }
    }
}
