package dev.orderflow.dynamodb.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.ApiException;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Operation;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.shape.OperationShapes;
import dev.orderflow.dynamodb.internal.shape.Shape;
import dev.orderflow.dynamodb.internal.shape.ShapeChecker;
import dev.orderflow.dynamodb.internal.validate.ConstraintStage;
import dev.orderflow.dynamodb.internal.validate.SemanticStage;
import java.io.IOException;
import java.util.Set;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON 1.0 protocol, independent of HTTP: target + body in, status + body out. This is the
 * single place that maps exceptions to AWS error bodies.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String DYNAMO_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    /** DynamoDB operations that exist in AWS but that this engine does not implement. */
    private static final Set<String> NOT_SUPPORTED =
            Set.of(
                    "ExecuteStatement",
                    "BatchExecuteStatement",
                    "ExecuteTransaction",
                    "CreateBackup",
                    "DeleteBackup",
                    "DescribeBackup",
                    "ListBackups",
                    "RestoreTableFromBackup",
                    "RestoreTableToPointInTime",
                    "CreateGlobalTable",
                    "DescribeGlobalTable",
                    "DescribeGlobalTableSettings",
                    "ListGlobalTables",
                    "UpdateGlobalTable",
                    "UpdateGlobalTableSettings",
                    "DescribeTableReplicaAutoScaling",
                    "UpdateTableReplicaAutoScaling",
                    "ExportTableToPointInTime",
                    "DescribeExport",
                    "ListExports",
                    "ImportTable",
                    "DescribeImport",
                    "ListImports",
                    "DescribeContributorInsights",
                    "ListContributorInsights",
                    "UpdateContributorInsights",
                    "DescribeKinesisStreamingDestination",
                    "EnableKinesisStreamingDestination",
                    "DisableKinesisStreamingDestination",
                    "UpdateKinesisStreamingDestination",
                    "GetResourcePolicy",
                    "PutResourcePolicy",
                    "DeleteResourcePolicy");

    // A thread-local buffer pool: the default shared pool showed up as a hot spot in profiles.
    private final ObjectMapper mapper =
            new ObjectMapper(
                            com.fasterxml.jackson.core.JsonFactory.builder()
                                    .recyclerPool(
                                            com.fasterxml.jackson.core.util.JsonRecyclerPools
                                                    .threadLocalPool())
                                    .build())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final com.fasterxml.jackson.databind.ObjectReader reader =
            mapper.readerFor(JsonNode.class);
    private final com.fasterxml.jackson.databind.ObjectWriter writer =
            mapper.writerFor(ObjectNode.class);
    private final Engine engine;
    private final ConstraintStage constraints = new ConstraintStage();

    public Dispatcher(Engine engine) {
        this.engine = engine;
    }

    /** Status code and body of one response. */
    public record Result(int status, byte[] body) {
        /** CRC32 of the body, sent as {@code x-amz-crc32}. */
        public long crc32() {
            CRC32 crc = new CRC32();
            crc.update(body);
            return crc.getValue();
        }
    }

    /** Runs one call made in process: no HTTP, no signature. */
    public Result handle(String target, byte[] body) {
        return handle(target, body, () -> {});
    }

    /**
     * Runs the JSON stages in DynamoDB's order: the body must be JSON, then the target must name an
     * operation, then {@code authenticate} runs, then the operation's own stages.
     */
    public Result handle(String target, byte[] body, Runnable authenticate) {
        try {
            ObjectNode request = parse(body);
            String name = operationName(target);
            Operation op = operation(name);
            authenticate.run();
            deserialize(name, request);
            constraints.check(name, request);
            Req req = new Req(request);
            SemanticStage.check(name, request, req);
            return new Result(200, writer.writeValueAsBytes(op.invoke(req)));
        } catch (ApiException e) {
            return error(e);
        } catch (RuntimeException | IOException e) {
            // The single top-level catch: a bug, logged once, reported as AWS's 500.
            LOG.error("Internal error handling {}", target, e);
            return error(ApiException.internal("Internal server error"));
        }
    }

    private Operation operation(String name) {
        Operation op = engine.operation(name);
        if (op == null) {
            if (NOT_SUPPORTED.contains(name)) {
                throw ApiException.validation(
                        "The operation " + name + " is not supported by orderflow-dynamodb-local");
            }
            throw ApiException.unknownOperation();
        }
        return op;
    }

    private static String operationName(String target) {
        if (target == null) {
            throw ApiException.unknownOperation();
        }
        if (target.startsWith(DYNAMO_PREFIX)) {
            return target.substring(DYNAMO_PREFIX.length());
        }
        if (target.startsWith(STREAMS_PREFIX)) {
            return "Streams." + target.substring(STREAMS_PREFIX.length());
        }
        throw ApiException.unknownOperation();
    }

    /**
     * The body as a JSON object, or null for an empty body: DynamoDB names the operation of an
     * empty request (or its absence) before it refuses the missing body.
     */
    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = reader.readValue(body);
        } catch (IOException | NumberFormatException e) {
            // DynamoDB answers a body that is not JSON with a bare SerializationException; a
            // number no BigDecimal can hold (1e2147483648) cannot be deserialized either.
            throw ApiException.serialization(null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Start of structure or map found where not expected.");
        }
        return (ObjectNode) node;
    }

    /** The deserialization stage: the body's JSON types against the operation's shape. */
    private static void deserialize(String operation, ObjectNode request) {
        if (request == null) {
            throw ApiException.serialization(null);
        }
        Shape.Struct shape = OperationShapes.input(operation);
        if (shape != null) {
            ShapeChecker.check(shape, request);
        }
    }

    public Result error(ApiException e) {
        ObjectNode body = mapper.createObjectNode();
        body.put("__type", e.type());
        e.addFields(body);
        try {
            return new Result(e.status(), writer.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
