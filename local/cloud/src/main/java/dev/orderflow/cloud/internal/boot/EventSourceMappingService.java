package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.esm.EventSourceMappings;
import dev.orderflow.cloud.internal.esm.MappingPosition;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import java.util.ArrayList;
import java.util.List;

/** The template's event source mappings, polling SQS and DynamoDB Streams for their functions. */
public final class EventSourceMappingService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final DynamoDbService dynamoDb;
    private final SqsService sqs;
    private final LambdaRuntimeService lambdas;
    private final List<String> polled = new ArrayList<>();
    private final List<String> unsupported = new ArrayList<>();
    private volatile EventSourceMappings mappings;

    public EventSourceMappingService(
            BootSettings settings,
            CfnStack stack,
            DynamoDbService dynamoDb,
            SqsService sqs,
            LambdaRuntimeService lambdas) {
        this.settings = settings;
        this.stack = stack;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.lambdas = lambdas;
    }

    @Override
    public void start() {
        List<EventSourceMappingSpec> specs = stack.eventSourceMappings();
        mappings =
                new EventSourceMappings(
                        specs,
                        sqs.client(),
                        new AwsJsonClient(
                                dynamoDb.endpoint(),
                                "DynamoDBStreams_20120810.",
                                "application/x-amz-json-1.0",
                                "dynamodb"),
                        lambdas.runtime(),
                        settings.region(),
                        settings.dataDir().map(d -> d.resolve("esm")));
        specs.stream()
                .filter(
                        m ->
                                !mappings.unsupported().stream()
                                        .anyMatch(u -> u.startsWith(m.logicalId())))
                .forEach(m -> polled.add("mapping  " + m.describe()));
        mappings.unsupported()
                .forEach(
                        m ->
                                unsupported.add(
                                        m
                                                + ": event source not polled locally (SQS and DynamoDB Streams are)"));
        mappings.unsupportedProperties()
                .forEach(
                        p ->
                                unsupported.add(
                                        p
                                                + ": event source mapping property not emulated locally"));
    }

    @Override
    public List<String> describe() {
        return List.copyOf(polled);
    }

    @Override
    public List<String> unsupported() {
        return List.copyOf(unsupported);
    }

    /** Where each polled mapping is now; none before the service started. */
    public List<MappingPosition> positions() {
        EventSourceMappings running = mappings;
        return running == null ? List.of() : running.positions();
    }

    @Override
    public void close() {
        if (mappings != null) {
            mappings.close();
        }
    }
}
