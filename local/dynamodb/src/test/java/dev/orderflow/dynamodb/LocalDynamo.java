package dev.orderflow.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Test fixture: SDK clients for a server, and helpers to make uniquely named tables. */
final class LocalDynamo {
    private static final AtomicInteger TABLES = new AtomicInteger();

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

    private LocalDynamo() {}

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(
                        UrlConnectionHttpClient.builder()
                                .socketTimeout(Duration.ofSeconds(30))
                                .build())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    static String tableName(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet();
    }

    /** Creates an on-demand table with string keys; range may be null. */
    static String createTable(DynamoDbClient c, String prefix, String hash, String range) {
        String name = tableName(prefix);
        createNamedTable(c, name, hash, range);
        return name;
    }

    /** Creates an on-demand table of this name with string keys; range may be null. */
    static void createNamedTable(DynamoDbClient c, String name, String hash, String range) {
        c.createTable(
                b -> {
                    b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
                    if (range == null) {
                        b.keySchema(
                                        KeySchemaElement.builder()
                                                .attributeName(hash)
                                                .keyType(KeyType.HASH)
                                                .build())
                                .attributeDefinitions(def(hash));
                    } else {
                        b.keySchema(
                                        KeySchemaElement.builder()
                                                .attributeName(hash)
                                                .keyType(KeyType.HASH)
                                                .build(),
                                        KeySchemaElement.builder()
                                                .attributeName(range)
                                                .keyType(KeyType.RANGE)
                                                .build())
                                .attributeDefinitions(def(hash), def(range));
                    }
                });
    }

    static KeySchemaElement hashKey(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static AttributeDefinition def(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }
}
