package dev.orderflow.dynamodb.internal.validate;

import static dev.orderflow.dynamodb.internal.validate.KeySchemaRules.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.List;

/**
 * CreateTable's checks after the member constraints, in DynamoDB's order: the billing mode against
 * the provisioned throughput, the table's key schema against the attribute definitions, then the
 * local and the global secondary indexes.
 */
final class CreateTableRules {
    private CreateTableRules() {}

    static void check(JsonNode r) {
        boolean payPerRequest = r.path("BillingMode").asText().equals("PAY_PER_REQUEST");
        billing(r, payPerRequest);
        List<String> defined = KeySchemaRules.attributeNames(r.path("AttributeDefinitions"));
        JsonNode keySchema = r.path("KeySchema");
        tableKey(keySchema, defined);
        boolean local = ExpressionRules.has(r, "LocalSecondaryIndexes");
        boolean global = ExpressionRules.has(r, "GlobalSecondaryIndexes");
        // Without indexes every definition must be a table key; with them the check comes later.
        if (!local && !global && keySchema.size() != defined.size()) {
            throw ApiException.validation(
                    INVALID
                            + "Number of attributes in KeySchema does not exactly match number of"
                            + " attributes defined in AttributeDefinitions");
        }
        SecondaryIndexRules indexes = new SecondaryIndexRules(defined, keySchema, payPerRequest);
        if (local) {
            indexes.local(r.get("LocalSecondaryIndexes"));
        }
        if (global) {
            indexes.global(r.get("GlobalSecondaryIndexes"));
        }
    }

    private static void billing(JsonNode r, boolean payPerRequest) {
        boolean hasThroughput = ExpressionRules.has(r, "ProvisionedThroughput");
        if (payPerRequest && hasThroughput) {
            throw ApiException.validation(
                    INVALID
                            + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified"
                            + " when BillingMode is PAY_PER_REQUEST");
        }
        if (payPerRequest) {
            return;
        }
        if (!hasThroughput) {
            throw ApiException.validation(
                    INVALID
                            + "ReadCapacityUnits and WriteCapacityUnits must both be specified when"
                            + " BillingMode is PROVISIONED");
        }
        CapacityBounds.check(r.get("ProvisionedThroughput"));
    }

    /**
     * More keys than definitions is reported as an invalid key schema, before DynamoDB names the
     * undefined keys.
     */
    private static void tableKey(JsonNode keySchema, List<String> defined) {
        List<String> keys = KeySchemaRules.attributeNames(keySchema);
        if (keys.size() > defined.size()) {
            throw ApiException.validation(
                    "Invalid KeySchema: Some index key attribute have no definition");
        }
        KeySchemaRules.allDefined(keys, defined);
        KeySchemaRules.hashThenRange(keySchema);
    }
}
