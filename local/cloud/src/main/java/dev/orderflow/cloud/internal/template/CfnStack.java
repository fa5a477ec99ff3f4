package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthesized CloudFormation template, read resource by resource. Each accessor resolves
 * intrinsics at call time, so identities overridden after provisioning (a queue's real URL) are
 * seen by resources read later (function environments, state machine substitutions).
 */
public final class CfnStack {

    private static final Map<String, String> IGNORED =
            Map.ofEntries(
                    Map.entry("AWS::IAM::Role", "IAM is not enforced locally"),
                    Map.entry("AWS::IAM::Policy", "IAM is not enforced locally"),
                    Map.entry("AWS::IAM::ManagedPolicy", "IAM is not enforced locally"),
                    Map.entry("AWS::Lambda::Permission", "resource policies are not enforced"),
                    Map.entry("AWS::SQS::QueuePolicy", "resource policies are not enforced"),
                    Map.entry("AWS::SNS::TopicPolicy", "resource policies are not enforced"),
                    Map.entry("AWS::Logs::LogGroup", "function logs go to the console"),
                    Map.entry("AWS::SNS::Topic", "no local behaviour (alarm notifications)"),
                    Map.entry("AWS::CloudWatch::Alarm", "no metrics locally"),
                    Map.entry("AWS::CloudWatch::Dashboard", "no metrics locally"),
                    Map.entry("AWS::CDK::Metadata", "CDK bookkeeping"),
                    Map.entry("AWS::ApiGatewayV2::Deployment", "routes deploy on boot"),
                    Map.entry("AWS::Cognito::UserPoolGroup", "groups are claims of local tokens"),
                    Map.entry(
                            "AWS::Cognito::UserPoolResourceServer",
                            "scopes are claims of local tokens"));

    private static final List<String> EMULATED =
            List.of(
                    "AWS::DynamoDB::Table",
                    "AWS::DynamoDB::GlobalTable",
                    "AWS::SQS::Queue",
                    "AWS::Lambda::Function",
                    "AWS::Lambda::Alias",
                    "AWS::Lambda::Version",
                    "AWS::Lambda::EventSourceMapping",
                    "AWS::ApiGatewayV2::Api",
                    "AWS::ApiGatewayV2::Route",
                    "AWS::ApiGatewayV2::Integration",
                    "AWS::ApiGatewayV2::Authorizer",
                    "AWS::ApiGatewayV2::Stage",
                    "AWS::StepFunctions::StateMachine",
                    "AWS::Cognito::UserPool",
                    "AWS::Cognito::UserPoolClient");

    private final Path directory;
    private final JsonNode template;
    private final Map<String, JsonNode> resources = new LinkedHashMap<>();
    private final PhysicalIds ids;
    private final Intrinsics intrinsics;

    private CfnStack(Path file, JsonNode template, PhysicalIds ids) {
        this.directory = file.toAbsolutePath().getParent();
        this.template = template;
        this.ids = ids;
        for (Map.Entry<String, JsonNode> e : template.path("Resources").properties()) {
            resources.put(e.getKey(), e.getValue());
            ids.assign(e.getKey(), type(e.getValue()), e.getValue().path("Properties"));
        }
        this.intrinsics = new Intrinsics(ids, template);
        assignAliases();
    }

    /** Reads a template file; the stack name defaults to the file name minus ".template.json". */
    public static CfnStack load(Path file, String region, String account) throws IOException {
        JsonNode template = Json.parse(Files.readAllBytes(file));
        if (!template.path("Resources").isObject()) {
            throw new TemplateException(
                    file + " has no Resources: is it a CloudFormation template?");
        }
        String stackName =
                file.getFileName()
                        .toString()
                        .replace(".template.json", "")
                        .replace(".json", "")
                        .replaceAll("[^A-Za-z0-9-]", "-");
        return new CfnStack(file, template, new PhysicalIds(stackName, region, account));
    }

    public PhysicalIds ids() {
        return ids;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    public String stackName() {
        return ids.stackName();
    }

    private void assignAliases() {
        forType("AWS::Lambda::Alias")
                .forEach(
                        (id, r) -> {
                            JsonNode p = r.path("Properties");
                            String function = intrinsics.resolveText(p.get("FunctionName"));
                            String arn =
                                    function.startsWith("arn:")
                                            ? function
                                            : ids.arn("lambda", "function:" + function);
                            String aliasArn = arn + ":" + p.path("Name").asText();
                            ids.put(id, aliasArn, Map.of("AliasArn", aliasArn));
                        });
    }

    /** Resources with no local meaning, and resource types the local cloud does not know. */
    public List<SkippedResource> skipped() {
        List<SkippedResource> out = new ArrayList<>();
        resources.forEach(
                (id, r) -> {
                    String type = type(r);
                    if (IGNORED.containsKey(type)) {
                        out.add(new SkippedResource(id, type, true, IGNORED.get(type)));
                    } else if (!EMULATED.contains(type)) {
                        out.add(new SkippedResource(id, type, false, "not supported locally"));
                    }
                });
        return out;
    }

    public List<TableSpec> tables() {
        List<TableSpec> out = new ArrayList<>();
        forType("AWS::DynamoDB::Table").forEach((id, r) -> out.add(table(id, r)));
        forType("AWS::DynamoDB::GlobalTable").forEach((id, r) -> out.add(table(id, r)));
        return out;
    }

    private TableSpec table(String id, JsonNode r) {
        JsonNode p = intrinsics.resolve(r.path("Properties"));
        ObjectNode req = Json.object();
        req.put("TableName", ids.ref(id).orElseThrow());
        req.set("AttributeDefinitions", p.get("AttributeDefinitions"));
        req.set("KeySchema", p.get("KeySchema"));
        req.put("BillingMode", "PAY_PER_REQUEST");
        copyIndexes(p, req, "GlobalSecondaryIndexes");
        copyIndexes(p, req, "LocalSecondaryIndexes");
        JsonNode stream = p.path("StreamSpecification");
        if (stream.isObject()) {
            ObjectNode spec = req.putObject("StreamSpecification");
            spec.put("StreamEnabled", true);
            spec.put("StreamViewType", stream.path("StreamViewType").asText("NEW_AND_OLD_IMAGES"));
        }
        JsonNode ttl = p.path("TimeToLiveSpecification");
        Optional<String> ttlAttribute =
                ttl.path("Enabled").asBoolean(false)
                        ? Optional.of(ttl.path("AttributeName").asText())
                        : Optional.empty();
        return new TableSpec(id, ids.ref(id).orElseThrow(), req, ttlAttribute, tags(p));
    }

    /** {@code Tags} of a Table; of a GlobalTable, its first replica's (tags are per replica). */
    private static Map<String, String> tags(JsonNode p) {
        JsonNode tags = p.has("Tags") ? p.path("Tags") : p.path("Replicas").path(0).path("Tags");
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            if (tag.path("Key").isTextual()) {
                out.put(tag.path("Key").asText(), tag.path("Value").asText());
            }
        }
        return out;
    }

    private static void copyIndexes(JsonNode p, ObjectNode req, String field) {
        if (!p.path(field).isArray()) {
            return;
        }
        var indexes = req.putArray(field);
        for (JsonNode index : p.get(field)) {
            ObjectNode copy = Json.object();
            copy.set("IndexName", index.get("IndexName"));
            copy.set("KeySchema", index.get("KeySchema"));
            copy.set("Projection", index.get("Projection"));
            indexes.add(copy);
        }
    }

    public List<QueueSpec> queues() {
        List<QueueSpec> out = new ArrayList<>();
        forType("AWS::SQS::Queue")
                .forEach(
                        (id, r) -> {
                            JsonNode p = intrinsics.resolve(r.path("Properties"));
                            Map<String, String> attrs = new LinkedHashMap<>();
                            for (String a :
                                    List.of(
                                            "VisibilityTimeout",
                                            "MessageRetentionPeriod",
                                            "DelaySeconds",
                                            "ReceiveMessageWaitTimeSeconds",
                                            "MaximumMessageSize",
                                            "FifoQueue",
                                            "ContentBasedDeduplication")) {
                                if (p.has(a)) {
                                    attrs.put(a, p.get(a).asText());
                                }
                            }
                            if (p.has("RedrivePolicy")) {
                                attrs.put("RedrivePolicy", Json.text(p.get("RedrivePolicy")));
                            }
                            String name = ids.attribute(id, "QueueName").orElseThrow();
                            out.add(new QueueSpec(id, name, attrs));
                        });
        return out;
    }

    public List<FunctionSpec> functions() {
        List<FunctionSpec> out = new ArrayList<>();
        forType("AWS::Lambda::Function").forEach((id, r) -> out.add(function(id, r)));
        return out;
    }

    private FunctionSpec function(String id, JsonNode r) {
        JsonNode p = intrinsics.resolve(r.path("Properties"));
        Map<String, String> env = new LinkedHashMap<>();
        p.path("Environment")
                .path("Variables")
                .properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        String asset = r.path("Metadata").path("aws:asset:path").asText("");
        if (asset.isEmpty()) {
            throw new TemplateException(
                    id + ": no aws:asset:path metadata; the local cloud runs CDK file assets only");
        }
        Path code = directory.resolve(asset);
        Optional<Integer> reserved =
                p.has("ReservedConcurrentExecutions")
                        ? Optional.of(p.get("ReservedConcurrentExecutions").asInt())
                        : Optional.empty();
        return new FunctionSpec(
                id,
                ids.ref(id).orElseThrow(),
                ids.attribute(id, "Arn").orElseThrow(),
                p.path("Handler").asText(),
                p.path("Runtime").asText("java21"),
                p.path("MemorySize").asInt(128),
                p.path("Timeout").asInt(3),
                env,
                code,
                reserved);
    }

    public Optional<HttpApiSpec> httpApi() {
        return HttpApiReader.read(this);
    }

    public List<StateMachineSpec> stateMachines() {
        List<StateMachineSpec> out = new ArrayList<>();
        forType("AWS::StepFunctions::StateMachine")
                .forEach(
                        (id, r) -> {
                            JsonNode p = r.path("Properties");
                            String definition;
                            if (p.has("DefinitionString")) {
                                definition = intrinsics.resolveText(p.get("DefinitionString"));
                            } else if (p.has("Definition")) {
                                definition = Json.text(intrinsics.resolve(p.get("Definition")));
                            } else {
                                throw new TemplateException(
                                        id
                                                + ": DefinitionS3Location is not supported locally;"
                                                + " use DefinitionBody.fromString in the stack");
                            }
                            JsonNode subs = intrinsics.resolve(p.path("DefinitionSubstitutions"));
                            if (subs != null && subs.isObject()) {
                                for (Map.Entry<String, JsonNode> e : subs.properties()) {
                                    definition =
                                            definition.replace(
                                                    "${" + e.getKey() + "}", e.getValue().asText());
                                }
                            }
                            out.add(
                                    new StateMachineSpec(
                                            id,
                                            ids.attribute(id, "Name").orElseThrow(),
                                            definition,
                                            p.path("StateMachineType").asText("STANDARD")));
                        });
        return out;
    }

    public List<EventSourceMappingSpec> eventSourceMappings() {
        return EventSourceMappingReader.read(this);
    }

    /** The function name inside a function name, function ARN or alias ARN. */
    public static String functionName(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        // limit 0 drops a trailing empty part: an ARN ending in ":function:" names no function
        String[] parts = nameOrArn.split(":", 0);
        return parts.length > 6 ? parts[6] : nameOrArn;
    }

    Map<String, JsonNode> forType(String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resources.forEach(
                (id, r) -> {
                    if (type.equals(type(r))) {
                        out.put(id, r);
                    }
                });
        return out;
    }

    private static String type(JsonNode resource) {
        return resource.path("Type").asText("");
    }

    /** Every logical id, in template order. */
    public List<String> logicalIds() {
        return List.copyOf(resources.keySet());
    }

    JsonNode raw() {
        return template;
    }
}
