package dev.orderflow.dynamodb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Test fixture: one engine served over HTTP per local region, with SDK clients, all on one clock
 * and linked by one {@link GlobalTables}.
 */
final class Regions implements AutoCloseable {
    static final String EU = "eu-central-1";
    static final String US = "us-east-1";

    /** One region's server and clients. */
    static final class Region implements AutoCloseable {
        final String name;
        DynamoDbServer server;
        DynamoDbClient client;
        DynamoDbStreamsClient streams;

        Region(String name, DynamoDbServer server) {
            this.name = name;
            serve(server);
        }

        /** Serves the region from another server (a restart over the same data directory). */
        void serve(DynamoDbServer s) {
            this.server = s;
            this.client = LocalDynamo.client(s.endpoint());
            this.streams = LocalDynamo.streams(s.endpoint());
        }

        Map<String, AttributeValue> get(String table, String pk) {
            Map<String, AttributeValue> item =
                    client.getItem(
                                    b ->
                                            b.tableName(table)
                                                    .key(Map.of("pk", LocalDynamo.s(pk)))
                                                    .consistentRead(true))
                            .item();
            return item.isEmpty() ? null : item;
        }

        List<Record> records(String table) {
            String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
            String shard =
                    streams.describeStream(b -> b.streamArn(arn))
                            .streamDescription()
                            .shards()
                            .get(0)
                            .shardId();
            String it =
                    streams.getShardIterator(
                                    b ->
                                            b.streamArn(arn)
                                                    .shardId(shard)
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            return streams.getRecords(b -> b.shardIterator(it)).records();
        }

        @Override
        public void close() {
            streams.close();
            client.close();
            server.close();
        }
    }

    final MutableClock clock;
    final GlobalTables global;
    final Region eu;
    final Region us;

    Regions(MutableClock clock, Duration lag, Path euData) {
        this.clock = clock;
        this.global = new GlobalTables(lag, clock);
        this.eu = new Region(EU, server(clock, euData));
        this.us = new Region(US, server(clock, null));
        global.attach(EU, eu.server.engine());
        global.attach(US, us.server.engine());
    }

    static DynamoDbServer server(MutableClock clock, Path dataDir) {
        DynamoDbServer.Builder b =
                DynamoDbServer.builder().port(0).clock(clock).ttlSweepInterval(Duration.ZERO);
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        return b.start();
    }

    /** Creates the table (key {@code pk}, a NEW_AND_OLD_IMAGES stream) in both regions. */
    String createTable(String prefix, Consumer<CreateTableRequest.Builder> more) {
        String name = LocalDynamo.tableName(prefix);
        for (Region r : List.of(eu, us)) {
            r.client.createTable(
                    b -> {
                        b.tableName(name)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(LocalDynamo.hashKey("pk"))
                                .attributeDefinitions(LocalDynamo.def("pk"))
                                .streamSpecification(
                                        s ->
                                                s.streamEnabled(true)
                                                        .streamViewType("NEW_AND_OLD_IMAGES"));
                        more.accept(b);
                    });
        }
        return name;
    }

    String globalTable(String prefix, GlobalTables.Consistency consistency) {
        String name = createTable(prefix, b -> {});
        global.replicate(name, consistency);
        return name;
    }

    @Override
    public void close() {
        global.close();
        eu.close();
        us.close();
    }
}
