package dev.orderflow.cloud.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The physical identity of each resource: what {@code Ref} and {@code Fn::GetAtt} return. Names are
 * deterministic (stack name + logical id, like CloudFormation's generated names without the random
 * suffix) so that a restart with the same data directory finds the same tables.
 */
public final class PhysicalIds {

    private final String stackName;
    private final String region;
    private final String account;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, Map<String, String>> attributes = new HashMap<>();

    public PhysicalIds(String stackName, String region, String account) {
        this.stackName = stackName;
        this.region = region;
        this.account = account;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    public String stackName() {
        return stackName;
    }

    /** Assigns default identities to every resource of the template. */
    void assign(String logicalId, String type, JsonNode properties) {
        String generated = generatedName(logicalId, 80);
        switch (type) {
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> {
                String name = text(properties, "TableName").orElse(generated);
                String arn = arn("dynamodb", "table/" + name);
                put(logicalId, name, Map.of("Arn", arn, "StreamArn", arn + "/stream/local"));
            }
            case "AWS::SQS::Queue" -> {
                boolean fifo = properties.path("FifoQueue").asBoolean(false);
                String name =
                        text(properties, "QueueName")
                                .orElse(fifo ? generatedName(logicalId, 75) + ".fifo" : generated);
                put(
                        logicalId,
                        "http://localhost:4566/" + account + "/" + name,
                        Map.of("Arn", arn("sqs", name), "QueueName", name));
            }
            case "AWS::Lambda::Function" -> {
                String name = text(properties, "FunctionName").orElse(generatedName(logicalId, 64));
                put(logicalId, name, Map.of("Arn", arn("lambda", "function:" + name)));
            }
            case "AWS::Lambda::Version" -> put(logicalId, "1", Map.of("Version", "1"));
            case "AWS::StepFunctions::StateMachine" -> {
                String name = text(properties, "StateMachineName").orElse(generated);
                String arn = arn("states", "stateMachine:" + name);
                put(logicalId, arn, Map.of("Arn", arn, "Name", name));
            }
            case "AWS::Cognito::UserPool" -> {
                String id = region + "_" + shortHash(logicalId, 9);
                put(
                        logicalId,
                        id,
                        Map.of(
                                "Arn",
                                arn("cognito-idp", "userpool/" + id),
                                "ProviderURL",
                                "cognito-idp." + region + ".amazonaws.com/" + id));
            }
            case "AWS::Cognito::UserPoolClient" ->
                    put(logicalId, shortHash(logicalId, 26), Map.of());
            case "AWS::Cognito::UserPoolResourceServer" ->
                    put(logicalId, text(properties, "Identifier").orElse(logicalId), Map.of());
            case "AWS::ApiGatewayV2::Api" -> {
                String id = shortHash(logicalId, 10);
                put(logicalId, id, Map.of("ApiEndpoint", "http://localhost:3000", "ApiId", id));
            }
            case "AWS::IAM::Role" ->
                    put(
                            logicalId,
                            generated,
                            Map.of("Arn", "arn:aws:iam::" + account + ":role/" + generated));
            case "AWS::Logs::LogGroup" -> {
                String name = text(properties, "LogGroupName").orElse(generated);
                put(logicalId, name, Map.of("Arn", arn("logs", "log-group:" + name + ":*")));
            }
            case "AWS::SNS::Topic" -> {
                String name = text(properties, "TopicName").orElse(generated);
                String arn = arn("sns", name);
                put(logicalId, arn, Map.of("TopicArn", arn, "TopicName", name));
            }
            default -> put(logicalId, shortHash(logicalId, 7), Map.of());
        }
    }

    /** Registers the identity of a resource whose Ref depends on another (aliases). */
    void put(String logicalId, String ref, Map<String, String> attrs) {
        refs.put(logicalId, ref);
        attributes.put(logicalId, new HashMap<>(attrs));
    }

    /** Overrides what Ref returns once the real resource exists (a queue's real URL). */
    public void overrideRef(String logicalId, String ref) {
        refs.put(logicalId, ref);
    }

    /** Overrides an attribute once the real resource exists (a table's real stream ARN). */
    public void overrideAttribute(String logicalId, String attribute, String value) {
        attributes.computeIfAbsent(logicalId, k -> new HashMap<>()).put(attribute, value);
    }

    public Optional<String> ref(String logicalId) {
        return Optional.ofNullable(refs.get(logicalId));
    }

    public Optional<String> attribute(String logicalId, String attribute) {
        Map<String, String> attrs = attributes.get(logicalId);
        return attrs == null ? Optional.empty() : Optional.ofNullable(attrs.get(attribute));
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String generatedName(String logicalId, int max) {
        String name = stackName + "-" + logicalId;
        return name.length() <= max ? name : name.substring(0, max);
    }

    private static Optional<String> text(JsonNode properties, String field) {
        JsonNode node = properties.path(field);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    static String shortHash(String seed, int length) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (byte b : digest) {
                out.append(Character.forDigit((b & 0xff) % 36, 36));
            }
            return out.substring(0, length).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
