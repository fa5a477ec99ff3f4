package dev.orderflow.cloud.internal.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.dynamo.TableProvisioner;
import dev.orderflow.cloud.internal.dynamo.TableSeeder;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.TableSpec;
import dev.orderflow.dynamodb.DynamoDbEngine;
import dev.orderflow.dynamodb.DynamoDbServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Our DynamoDB engine on a loopback port, answered in process by the edge, with the tables. */
public final class DynamoDbService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final List<String> tables = new ArrayList<>();
    private DynamoDbServer server;
    private AwsJsonClient client;

    public DynamoDbService(BootSettings settings, CfnStack stack, EdgeService edge) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
    }

    @Override
    public void start() {
        DynamoDbServer.Builder builder =
                DynamoDbServer.builder().port(0).host("127.0.0.1").clock(settings.clock());
        settings.dataDir().ifPresent(d -> builder.dataDir(d.resolve("dynamodb")));
        server = builder.start();
        edge.router().route("dynamodb", server.httpService());
        edge.router().route("streams.dynamodb", server.httpService());
        client = AwsJsonClient.dynamoDb(server.endpoint());
        TableProvisioner provisioner = new TableProvisioner(client);
        for (TableSpec table : stack.tables()) {
            provisioner.provision(table, stack.ids());
            tables.add("table    " + table.name() + notes(table));
        }
        settings.dynamoDbReady().accept(server.engine());
    }

    private static String notes(TableSpec table) {
        List<String> notes = new ArrayList<>();
        JsonNode gsis = table.createRequest().path("GlobalSecondaryIndexes");
        if (gsis.isArray()) {
            List<String> names = new ArrayList<>();
            gsis.forEach(g -> names.add(g.path("IndexName").asText()));
            notes.add("GSIs " + String.join(", ", names));
        }
        JsonNode stream = table.createRequest().path("StreamSpecification");
        if (stream.isObject()) {
            notes.add("stream " + stream.path("StreamViewType").asText());
        }
        table.ttlAttribute().ifPresent(a -> notes.add("TTL " + a));
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** The engine, for in-process links between stacks (the regions' global tables). */
    public DynamoDbEngine engine() {
        return server.engine();
    }

    AwsJsonClient client() {
        return client;
    }

    /**
     * Loads items into the tables.
     *
     * @param tableNames a table's physical name from its logical id prefix; throws when none
     */
    public TableSeeder seeder(UnaryOperator<String> tableNames) {
        return new TableSeeder(client, tableNames);
    }

    @Override
    public List<String> describe() {
        return List.copyOf(tables);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
