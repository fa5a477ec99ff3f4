package dev.orderflow.dynamodb.internal.validate;

import static dev.orderflow.dynamodb.internal.validate.KeySchemaRules.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CreateTable's checks of its secondary indexes, local ones first, each index in request order;
 * index names must be unique across both lists, and the count limits are checked after every index.
 */
final class SecondaryIndexRules {
    private static final int MAX_LOCAL = 5;
    private static final int MAX_GLOBAL = 20;

    private final List<String> defined;
    private final String tableHash;
    private final boolean tableHasRange;
    private final boolean payPerRequest;
    private final Set<String> names = new HashSet<>();

    SecondaryIndexRules(List<String> defined, JsonNode tableKeySchema, boolean payPerRequest) {
        this.defined = defined;
        this.tableHash = tableKeySchema.path(0).path("AttributeName").asText();
        this.tableHasRange = tableKeySchema.size() == 2;
        this.payPerRequest = payPerRequest;
    }

    void local(JsonNode indexes) {
        if (indexes.isEmpty()) {
            throw ApiException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
        }
        if (!tableHasRange) {
            throw ApiException.validation(
                    INVALID
                            + "Table KeySchema does not have a range key, which is required when"
                            + " specifying a LocalSecondaryIndex");
        }
        for (JsonNode index : indexes) {
            String name = index.path("IndexName").asText();
            JsonNode keySchema = index.path("KeySchema");
            keys(keySchema);
            if (keySchema.size() != 2) {
                throw ApiException.validation(
                        INVALID + "Index KeySchema does not have a range key for index: " + name);
            }
            String hash = keySchema.path(0).path("AttributeName").asText();
            if (!hash.equals(tableHash)) {
                throw ApiException.validation(
                        INVALID
                                + "Index KeySchema does not have the same leading hash key as table"
                                + " KeySchema for index: "
                                + name
                                + ". index hash key: "
                                + hash
                                + ", table hash key: "
                                + tableHash);
            }
            projection(index.path("Projection"));
            unique(name);
        }
        if (indexes.size() > MAX_LOCAL) {
            throw ApiException.validation(
                    INVALID
                            + "Number of LocalSecondaryIndexes exceeds per-table limit of "
                            + MAX_LOCAL);
        }
    }

    void global(JsonNode indexes) {
        if (indexes.isEmpty()) {
            throw ApiException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
        }
        for (JsonNode index : indexes) {
            String name = index.path("IndexName").asText();
            keys(index.path("KeySchema"));
            projection(index.path("Projection"));
            if (payPerRequest && ExpressionRules.has(index, "ProvisionedThroughput")) {
                throw ApiException.validation(
                        INVALID
                                + "ProvisionedThroughput should not be specified for index: "
                                + name
                                + " when BillingMode is PAY_PER_REQUEST");
            }
            unique(name);
        }
        if (indexes.size() > MAX_GLOBAL) {
            throw ApiException.validation(
                    INVALID
                            + "GlobalSecondaryIndex count exceeds the per-table limit of "
                            + MAX_GLOBAL);
        }
    }

    private void keys(JsonNode keySchema) {
        KeySchemaRules.allDefined(KeySchemaRules.attributeNames(keySchema), defined);
        KeySchemaRules.hashThenRange(keySchema);
    }

    /** DynamoDB prints a missing projection type as "null". */
    private static void projection(JsonNode projection) {
        JsonNode type = projection.get("ProjectionType");
        if (type == null || type.isNull()) {
            throw ApiException.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (ExpressionRules.has(projection, "NonKeyAttributes")
                && !type.asText().equals("INCLUDE")) {
            throw ApiException.validation(
                    INVALID
                            + "ProjectionType is "
                            + type.asText()
                            + ", but NonKeyAttributes is specified");
        }
    }

    private void unique(String name) {
        if (!names.add(name)) {
            throw ApiException.validation(INVALID + "Duplicate index name: " + name);
        }
    }
}
