package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Tables through the DynamoDB engine's own API: their keys and indexes, a page of items (a Scan, or
 * a Query by partition key on the table or an index), and the stream's latest records.
 */
final class TablesView {

    private final AwsJsonClient dynamo;
    private final AwsJsonClient streams;

    TablesView(AwsJsonClient dynamo, AwsJsonClient streams) {
        this.dynamo = dynamo;
        this.streams = streams;
    }

    /** {@code GET /_console/api/tables}. */
    ObjectNode list() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("tables");
        for (JsonNode name : dynamo.call("ListTables", Json.object()).path("TableNames")) {
            JsonNode table = describe(name.asText());
            ObjectNode t = list.addObject().put("name", name.asText());
            t.set("keySchema", table.path("KeySchema"));
            t.put("itemCount", table.path("ItemCount").asLong());
            t.put("streamArn", table.path("LatestStreamArn").asText(null));
            ArrayNode indexes = t.putArray("indexes");
            for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
                for (JsonNode index : table.path(kind)) {
                    indexes.addObject()
                            .put("name", index.path("IndexName").asText())
                            .set("keySchema", index.path("KeySchema"));
                }
            }
        }
        return out;
    }

    /**
     * {@code GET /_console/api/tables/{name}/items?key=&index=&limit=&next=}: a Scan, or with
     * {@code key} a Query for that partition key value on the table or {@code index}.
     */
    ObjectNode items(String name, QueryParams query) {
        JsonNode table = describe(name);
        int limit = query.intBetween("limit", 1, 100, 25);
        Optional<String> index = query.get("index");
        Optional<String> key = query.get("key");
        ObjectNode request = Json.object().put("TableName", name).put("Limit", limit);
        index.ifPresent(i -> request.put("IndexName", i));
        query.get("next").ifPresent(token -> request.set("ExclusiveStartKey", decode(token)));
        String action = "Scan";
        if (key.isPresent()) {
            action = "Query";
            JsonNode schema = keySchema(table, index);
            String attribute = schema.path(0).path("AttributeName").asText();
            request.put("KeyConditionExpression", "#pk = :pk");
            request.putObject("ExpressionAttributeNames").put("#pk", attribute);
            request.putObject("ExpressionAttributeValues")
                    .putObject(":pk")
                    .put(attributeType(table, attribute), key.get());
        }
        JsonNode page;
        try {
            page = dynamo.call(action, request);
        } catch (AwsCallException e) {
            if (e.code().endsWith("ValidationException")) {
                throw ConsoleProblem.badRequest(e.detail());
            }
            throw e;
        }
        ObjectNode out = Json.object().put("table", name).put("operation", action);
        out.set("items", page.path("Items"));
        JsonNode last = page.path("LastEvaluatedKey");
        out.put("next", last.isObject() ? encode(last) : null);
        return out;
    }

    /** {@code GET /_console/api/tables/{name}/stream}: the newest records of each shard. */
    ObjectNode stream(String name, QueryParams query) {
        int limit = query.intBetween("limit", 1, 100, 25);
        String arn = describe(name).path("LatestStreamArn").asText("");
        ObjectNode out = Json.object().put("table", name);
        ArrayNode records = out.putArray("records");
        if (arn.isEmpty()) {
            out.putNull("streamArn");
            return out;
        }
        out.put("streamArn", arn);
        JsonNode stream =
                streams.call("DescribeStream", Json.object().put("StreamArn", arn))
                        .path("StreamDescription");
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        for (JsonNode shard : stream.path("Shards")) {
            String iterator =
                    streams.call(
                                    "GetShardIterator",
                                    Json.object()
                                            .put("StreamArn", arn)
                                            .put("ShardId", shard.path("ShardId").asText())
                                            .put("ShardIteratorType", "TRIM_HORIZON"))
                            .path("ShardIterator")
                            .asText(null);
            // a stream keeps 24 hours of records: read the shard to its end, keep the newest
            for (int pages = 0; iterator != null && pages < 100; pages++) {
                JsonNode page =
                        streams.call(
                                "GetRecords",
                                Json.object().put("ShardIterator", iterator).put("Limit", 1000));
                page.path("Records").forEach(all::add);
                if (page.path("Records").isEmpty()) {
                    break;
                }
                iterator = page.path("NextShardIterator").asText(null);
            }
        }
        all.sort(
                java.util.Comparator.comparingDouble(
                                (JsonNode r) ->
                                        r.path("dynamodb")
                                                .path("ApproximateCreationDateTime")
                                                .asDouble())
                        .reversed());
        all.stream().limit(limit).forEach(records::add);
        return out;
    }

    private JsonNode describe(String name) {
        try {
            return dynamo.call("DescribeTable", Json.object().put("TableName", name)).path("Table");
        } catch (AwsCallException e) {
            if (e.code().endsWith("ResourceNotFoundException")) {
                throw ConsoleProblem.notFound("no table " + name);
            }
            throw e;
        }
    }

    private static JsonNode keySchema(JsonNode table, Optional<String> index) {
        if (index.isEmpty()) {
            return table.path("KeySchema");
        }
        for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            for (JsonNode i : table.path(kind)) {
                if (i.path("IndexName").asText().equals(index.get())) {
                    return i.path("KeySchema");
                }
            }
        }
        throw ConsoleProblem.notFound(
                "no index " + index.get() + " on table " + table.path("TableName").asText());
    }

    private static String attributeType(JsonNode table, String attribute) {
        for (JsonNode definition : table.path("AttributeDefinitions")) {
            if (definition.path("AttributeName").asText().equals(attribute)) {
                return definition.path("AttributeType").asText();
            }
        }
        return "S";
    }

    private static String encode(JsonNode key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(key));
    }

    private static JsonNode decode(String token) {
        try {
            return Json.parse(
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ConsoleProblem.badRequest("next is not a token this console handed out");
        }
    }
}
