package dev.orderflow.dynamodb.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Operation;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.shape.OperationShapes;
import dev.orderflow.dynamodb.internal.shape.Shape;
import dev.orderflow.dynamodb.internal.shape.ShapeChecker;
import dev.orderflow.dynamodb.internal.validate.ConstraintStage;
import dev.orderflow.dynamodb.internal.validate.SemanticStage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
            mapper.readerFor(JsonNode.class).with(new SmallObjects());
    private final com.fasterxml.jackson.databind.ObjectWriter writer =
            mapper.writerFor(ObjectNode.class);
    private final ThreadLocal<ResponseBuffer> buffers =
            ThreadLocal.withInitial(ResponseBuffer::new);
    private final Engine engine;
    private final ConstraintStage constraints = new ConstraintStage();

    /** What each target resolves to, looked up once per target instead of once per request. */
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /** An operation's name, implementation and input shape (null: not checked). */
    private record Plan(String name, Operation op, Shape.Struct shape) {}

    /**
     * Request objects are small (an attribute value has one member): their maps start with 4
     * buckets instead of {@code LinkedHashMap}'s 16, which showed up in profiles (issue 15).
     */
    private static final class SmallObjects extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new LinkedHashMap<>(4));
        }
    }

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
            Plan plan = plan(target);
            authenticate.run();
            deserialize(plan.shape(), request);
            constraints.check(plan.name(), request);
            Req req = new Req(request);
            SemanticStage.check(plan.name(), request, req);
            return new Result(200, write(plan.op().invoke(req)));
        } catch (ApiException e) {
            return error(e);
        } catch (RuntimeException | IOException e) {
            // The single top-level catch: a bug, logged once, reported as AWS's 500.
            LOG.error("Internal error handling {}", target, e);
            return error(ApiException.internal("Internal server error"));
        }
    }

    private Plan plan(String target) {
        Plan plan = target == null ? null : plans.get(target);
        if (plan == null) {
            String name = operationName(target);
            // Only targets naming an operation are kept, so the map stays small.
            plan = new Plan(name, operation(name), OperationShapes.input(name));
            plans.put(target, plan);
        }
        return plan;
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
    private static void deserialize(Shape.Struct shape, ObjectNode request) {
        if (request == null) {
            throw ApiException.serialization(null);
        }
        if (shape != null) {
            ShapeChecker.check(shape, request);
        }
    }

    /**
     * The response body: written into this thread's reusable buffer, then copied once into a byte
     * array of the exact size (Jackson's own byte builder grows in new blocks for every response
     * larger than its first block, which a Query of 1 KB items always is).
     */
    private byte[] write(ObjectNode response) throws IOException {
        ResponseBuffer out = buffers.get();
        out.reset();
        writer.writeValue(out, response);
        return out.toByteArray();
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
