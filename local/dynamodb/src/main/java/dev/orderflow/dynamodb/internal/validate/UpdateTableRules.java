package dev.orderflow.dynamodb.internal.validate;

import static dev.orderflow.dynamodb.internal.validate.KeySchemaRules.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable's checks after the member constraints and before the table lookup, in DynamoDB's
 * order: something to change, throughput with a provisioned billing mode and within bounds, then
 * one action per index update and one update per index.
 */
final class UpdateTableRules {
    /**
     * Members that make a change on their own. DynamoDB's message names only some of them; this
     * engine also applies StreamSpecification (DynamoDB's "UpdateStreamEnabled") and deletion
     * protection alone.
     */
    private static final List<String> CHANGES =
            List.of(
                    "ProvisionedThroughput",
                    "BillingMode",
                    "StreamSpecification",
                    "SSESpecification",
                    "ReplicaUpdates",
                    "DeletionProtectionEnabled",
                    "TableClass");

    private static final List<String> ACTIONS = List.of("Update", "Create", "Delete");

    private UpdateTableRules() {}

    static void check(JsonNode r) {
        JsonNode indexUpdates = r.path("GlobalSecondaryIndexUpdates");
        if (indexUpdates.isEmpty() && CHANGES.stream().noneMatch(m -> ExpressionRules.has(r, m))) {
            throw ApiException.validation(
                    "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                            + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates"
                            + " is required");
        }
        boolean hasThroughput = ExpressionRules.has(r, "ProvisionedThroughput");
        if (r.path("BillingMode").asText().equals("PROVISIONED") && !hasThroughput) {
            throw ApiException.validation(
                    INVALID
                            + "ProvisionedThroughput must be specified when BillingMode is"
                            + " PROVISIONED");
        }
        if (hasThroughput) {
            CapacityBounds.check(r.get("ProvisionedThroughput"));
        }
        Set<String> indexNames = new HashSet<>();
        for (JsonNode update : indexUpdates) {
            String indexName = indexName(update);
            if (!indexNames.add(indexName)) {
                throw ApiException.validation(
                        INVALID
                                + "Only one global secondary index update per index is allowed"
                                + " simultaneously. Index: "
                                + indexName);
            }
        }
    }

    /** The index an update acts on, named by its first action in DynamoDB's order. */
    private static String indexName(JsonNode update) {
        for (String action : ACTIONS) {
            if (ExpressionRules.has(update, action)) {
                return update.get(action).path("IndexName").asText();
            }
        }
        throw ApiException.validation(
                INVALID
                        + "One of GlobalSecondaryIndexUpdate.Update,"
                        + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete"
                        + " must not be null");
    }
}
