package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses KeySchema, AttributeDefinitions, index definitions and throughput from requests. */
final class SchemaParser {
    private SchemaParser() {}

    static KeySchema keySchema(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw Req.notNull(field);
        }
        if (!node.isArray() || node.isEmpty() || node.size() > 2) {
            throw Req.constraint(
                    node, Req.camel(field), "Member must have length less than or equal to 2");
        }
        String hash = null;
        String range = null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String name = text(e, "AttributeName");
            String type = text(e, "KeyType");
            if (i == 0 && !"HASH".equals(type)) {
                throw ApiException.validation(
                        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1) {
                if (!"RANGE".equals(type)) {
                    throw ApiException.validation(
                            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
                }
                if (name.equals(hash)) {
                    throw ApiException.validation(
                            "Invalid KeySchema: Some index key attribute have no definition");
                }
                range = name;
            } else {
                hash = name;
            }
        }
        return new KeySchema(hash, range);
    }

    static Map<String, String> attributeDefinitions(JsonNode node) {
        Map<String, String> types = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return types;
        }
        for (JsonNode e : node) {
            String name = text(e, "AttributeName");
            String type = text(e, "AttributeType");
            if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
                throw Req.constraint(
                        type,
                        "attributeDefinitions.member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            if (types.put(name, type) != null) {
                throw ApiException.validation(
                        "Cannot have two attributes with the same name, attribute name: " + name);
            }
        }
        return types;
    }

    static IndexDefinition index(
            JsonNode n, boolean global, KeySchema tableKey, boolean payPerRequest) {
        String name = text(n, "IndexName");
        if (name.length() < 3 || name.length() > 255 || !name.matches("[a-zA-Z0-9_.-]+")) {
            throw Req.constraint(
                    name,
                    "indexName",
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        KeySchema key = keySchema(n.get("KeySchema"), "KeySchema");
        if (!global) {
            if (!tableKey.hasRange()) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Table KeySchema does not have a"
                                + " range key, which is required when specifying a"
                                + " LocalSecondaryIndex");
            }
            if (!key.hash().equals(tableKey.hash())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Index KeySchema does not have"
                                + " the same leading hash key as table KeySchema for index: "
                                + name
                                + ". index hash key: "
                                + key.hash()
                                + ", table hash key: "
                                + tableKey.hash());
            }
            if (!key.hasRange()) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Index KeySchema does not have a"
                                + " range key for index: "
                                + name);
            }
        }
        JsonNode projection = n.get("Projection");
        if (projection == null || projection.isNull()) {
            throw Req.notNull("Projection");
        }
        String type = projection.path("ProjectionType").asText("ALL");
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        if (!type.equals("INCLUDE") && !nonKey.isEmpty()) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ProjectionType is "
                            + type
                            + ", but NonKeyAttributes is specified");
        }
        if (type.equals("INCLUDE") && nonKey.isEmpty()) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ProjectionType is INCLUDE, but"
                            + " NonKeyAttributes is not specified");
        }
        if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw Req.constraint(
                    type,
                    "projection.projectionType",
                    "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        long[] throughput = {0, 0};
        JsonNode pt = n.get("ProvisionedThroughput");
        if (global && pt != null && !pt.isNull()) {
            if (payPerRequest) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: ProvisionedThroughput should not"
                                + " be specified for index: "
                                + name
                                + " when BillingMode is PAY_PER_REQUEST");
            }
            throughput = throughput(pt);
        } else if (global && !payPerRequest) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ProvisionedThroughput must be"
                            + " specified for index: "
                            + name);
        }
        return new IndexDefinition(name, key, type, nonKey, global, throughput[0], throughput[1]);
    }

    static long[] throughput(JsonNode pt) {
        long read = pt.path("ReadCapacityUnits").asLong(0);
        long write = pt.path("WriteCapacityUnits").asLong(0);
        if (read < 1) {
            throw Req.constraint(
                    read,
                    "provisionedThroughput.readCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        if (write < 1) {
            throw Req.constraint(
                    write,
                    "provisionedThroughput.writeCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        return new long[] {read, write};
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            throw Req.notNull(field);
        }
        if (!v.isTextual()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v.textValue();
    }

    /** Every key attribute must be defined, and every definition must be used by a key. */
    static void checkAttributes(
            KeySchema key, List<IndexDefinition> indexes, Map<String, String> types) {
        Set<String> used = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<KeySchema> keys = new ArrayList<>();
        keys.add(key);
        for (IndexDefinition i : indexes) {
            if (!names.add(i.name())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Duplicate index name: "
                                + i.name());
            }
            keys.add(i.key());
        }
        for (KeySchema k : keys) {
            for (String a : new String[] {k.hash(), k.range()}) {
                if (a == null) {
                    continue;
                }
                if (!types.containsKey(a)) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Some index key attributes are"
                                    + " not defined in AttributeDefinitions. Keys: ["
                                    + a
                                    + "], AttributeDefinitions: "
                                    + types.keySet().toString());
                }
                used.add(a);
            }
        }
        if (!used.containsAll(types.keySet())) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema"
                            + " does not exactly match number of attributes defined in"
                            + " AttributeDefinitions");
        }
    }
}
