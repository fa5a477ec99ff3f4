package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.KeyConditionForm;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.AttributeValueRules;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The semantic validation stage: what DynamoDB checks after the member constraints and before it
 * looks the table up, in its order for each operation. A request that fails here gets the same
 * answer whether or not its table exists.
 */
public final class SemanticStage {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Map<String, BiConsumer<JsonNode, Req>> CHECKS = new HashMap<>();

    static {
        CHECKS.put("GetItem", SemanticStage::getItem);
        CHECKS.put("PutItem", SemanticStage::putItem);
        CHECKS.put("DeleteItem", SemanticStage::deleteItem);
        CHECKS.put("UpdateItem", SemanticStage::updateItem);
        CHECKS.put("Query", SemanticStage::query);
        CHECKS.put("Scan", SemanticStage::scan);
        CHECKS.put("BatchGetItem", SemanticStage::batchGetItem);
        CHECKS.put("BatchWriteItem", SemanticStage::batchWriteItem);
        CHECKS.put("CreateTable", (r, prepared) -> CreateTableRules.check(r));
        CHECKS.put("UpdateTable", (r, prepared) -> UpdateTableRules.check(r));
        CHECKS.put("UpdateTimeToLive", (r, prepared) -> updateTimeToLive(r));
        CHECKS.put("TagResource", (r, prepared) -> TagRules.tagResource(r));
        CHECKS.put("UntagResource", (r, prepared) -> TagRules.untagResource(r));
        CHECKS.put("ListTagsOfResource", (r, prepared) -> TagRules.listTagsOfResource(r));
    }

    private SemanticStage() {}

    /**
     * Runs the operation's checks; what they compute for the operation goes into {@code prepared}.
     */
    public static void check(String operation, JsonNode request, Req prepared) {
        BiConsumer<JsonNode, Req> check = CHECKS.get(operation);
        if (check != null) {
            check.accept(request, prepared);
        }
    }

    private static void getItem(JsonNode r, Req prepared) {
        ExpressionRules.params(r, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        prepared.item("Key");
        noDuplicateNames(r.get("AttributesToGet"));
        prepare(r, prepared);
    }

    private static void putItem(JsonNode r, Req prepared) {
        ExpressionRules.params(r, List.of("ConditionExpression"), List.of("Expected"));
        Map<String, AttributeValue> item = prepared.item("Item");
        onlyOldOrNone(r.get("ReturnValues"));
        if (ItemSize.of(item) > ItemSize.MAX_ITEM) {
            throw ApiException.validation("Item size has exceeded the maximum allowed size");
        }
        LegacyRules.expected(r.get("Expected"));
        prepare(r, prepared);
    }

    private static void deleteItem(JsonNode r, Req prepared) {
        ExpressionRules.params(r, List.of("ConditionExpression"), List.of("Expected"));
        prepared.item("Key");
        LegacyRules.expected(r.get("Expected"));
        prepare(r, prepared);
    }

    private static void updateItem(JsonNode r, Req prepared) {
        ExpressionRules.params(
                r,
                List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected"));
        prepared.item("Key");
        JsonNode updates = r.get("AttributeUpdates");
        if (updates != null && !updates.isNull()) {
            for (JsonNode update : updates) {
                attributeUpdate(update);
            }
        }
        LegacyRules.expected(r.get("Expected"));
        prepare(r, prepared);
    }

    private static void attributeUpdate(JsonNode update) {
        JsonNode value = update.get("Value");
        String action = update.path("Action").asText("PUT");
        boolean hasValue = value != null && !value.isNull();
        if (hasValue) {
            AttributeValueRules.check(value);
        }
        if (!hasValue && !action.equals("DELETE")) {
            throw ApiException.validation(
                    INVALID + "Only DELETE action is allowed when no attribute value is specified");
        }
        if (!hasValue) {
            return;
        }
        String type = AttributeValueRules.types(value).get(0).getKey();
        if (action.equals("DELETE") && !Set.of("SS", "NS", "BS").contains(type)) {
            throw ApiException.validation(
                    INVALID + "DELETE action with value is not supported for the type " + type);
        }
        if (action.equals("ADD") && !Set.of("L", "SS", "NS", "BS", "N").contains(type)) {
            throw ApiException.validation(
                    INVALID + "ADD action is not supported for the type " + type);
        }
    }

    private static void query(JsonNode r, Req prepared) {
        ExpressionRules.params(
                r,
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"));
        LegacyRules.conditions(r.get("QueryFilter"));
        noDuplicateNames(r.get("AttributesToGet"));
        startKey(r.get("ExclusiveStartKey"));
        if (!ExpressionRules.has(r, "KeyConditions")
                && !ExpressionRules.has(r, "KeyConditionExpression")) {
            throw ApiException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in"
                            + " the request.");
        }
        Condition keyExpression = prepare(r, prepared).keyCondition();
        Map<String, KeyTerm> terms;
        if (keyExpression != null) {
            terms = KeyConditionForm.of(keyExpression);
        } else {
            LegacyRules.conditions(r.get("KeyConditions"));
            terms = LegacyRules.terms(r.get("KeyConditions"));
        }
        if (terms.size() != 1 && terms.size() != 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        prepared.keyTerms(terms);
    }

    private static void scan(JsonNode r, Req prepared) {
        ExpressionRules.params(
                r,
                List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
        noDuplicateNames(r.get("AttributesToGet"));
        LegacyRules.conditions(r.get("ScanFilter"));
        startKey(r.get("ExclusiveStartKey"));
        JsonNode segment = r.get("Segment");
        JsonNode total = r.get("TotalSegments");
        boolean hasSegment = segment != null && !segment.isNull();
        boolean hasTotal = total != null && !total.isNull();
        if (hasSegment && segment.asInt() != 0 && !hasTotal) {
            throw ApiException.validation(
                    "The TotalSegments parameter is required but was not present in the request when"
                            + " Segment parameter is present");
        }
        if (hasTotal && total.asInt() != 0) {
            if (!hasSegment) {
                throw ApiException.validation(
                        "The Segment parameter is required but was not present in the request when"
                                + " parameter TotalSegments is present");
            }
            if (segment.asInt() >= total.asInt()) {
                throw ApiException.validation(
                        "The Segment parameter is zero-based and must be less than parameter"
                                + " TotalSegments: Segment: "
                                + segment.asInt()
                                + " is not less than TotalSegments: "
                                + total.asInt());
            }
        }
        prepare(r, prepared);
    }

    /** Keys are compared for duplicates only after the table's names and expressions. */
    private static void batchGetItem(JsonNode r, Req prepared) {
        int requested = 0;
        for (JsonNode table : r.path("RequestItems")) {
            ExpressionRules.params(
                    table, List.of("ProjectionExpression"), List.of("AttributesToGet"));
            for (JsonNode key : table.path("Keys")) {
                values(key);
                if (++requested > 100) {
                    throw ApiException.validation(
                            "Too many items requested for the BatchGetItem call");
                }
            }
            noDuplicateNames(table.get("AttributesToGet"));
            ExpressionRules.parse(table);
            Set<Map<String, Object>> seen = new HashSet<>();
            for (JsonNode key : table.path("Keys")) {
                if (!seen.add(identity(key))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
            }
        }
    }

    private static void batchWriteItem(JsonNode r, Req prepared) {
        for (JsonNode requests : r.path("RequestItems")) {
            for (JsonNode request : requests) {
                if (request.isEmpty()) {
                    throw ApiException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain"
                                    + " exactly one of the supported datatypes");
                }
            }
            for (JsonNode request : requests) {
                JsonNode put = request.path("PutRequest").get("Item");
                JsonNode delete = request.path("DeleteRequest").get("Key");
                if (put != null && !put.isNull()) {
                    values(put);
                    if (ItemSize.of(AttributeJson.readItem(put)) > ItemSize.MAX_ITEM) {
                        throw ApiException.validation(
                                "Item size has exceeded the maximum allowed size");
                    }
                } else if (delete != null && !delete.isNull()) {
                    values(delete);
                }
            }
        }
    }

    private static void updateTimeToLive(JsonNode r) {
        JsonNode name = r.path("TimeToLiveSpecification").get("AttributeName");
        if (name != null && name.isTextual() && name.textValue().isEmpty()) {
            throw ApiException.validation(
                    "TimeToLiveSpecification.AttributeName must be non empty");
        }
    }

    /** Parses the request's expressions once; the operation reuses them from the request. */
    private static ExpressionRules.Parsed prepare(JsonNode r, Req prepared) {
        if (!ExpressionRules.anyExpression(r)) {
            return ExpressionRules.Parsed.NONE;
        }
        ExpressionRules.Parsed parsed = ExpressionRules.parse(r);
        prepared.prepareExpressions(parsed.context(), parsed.expressions());
        return parsed;
    }

    /** Every attribute value of a key or item. */
    private static void values(JsonNode item) {
        if (item == null || item.isNull()) {
            return;
        }
        for (JsonNode value : item) {
            AttributeValueRules.check(value);
        }
    }

    private static void startKey(JsonNode key) {
        if (key == null || key.isNull()) {
            return;
        }
        for (JsonNode value : key) {
            AttributeValueRules.checkConversion(value);
        }
        for (JsonNode value : key) {
            try {
                AttributeValueRules.check(value);
            } catch (ApiException invalid) {
                throw ApiException.validation(
                        "The provided starting key is invalid: " + invalid.getMessage());
            }
        }
    }

    private static void noDuplicateNames(JsonNode names) {
        if (names == null || names.isNull()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode name : names) {
            if (!seen.add(name.asText())) {
                throw ApiException.validation(
                        INVALID + "Duplicate value in attribute name: " + name.asText());
            }
        }
    }

    private static void onlyOldOrNone(JsonNode returnValues) {
        if (returnValues != null
                && !returnValues.isNull()
                && !returnValues.asText().equals("ALL_OLD")
                && !returnValues.asText().equals("NONE")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    /** A key's attributes as comparable values, for duplicate detection. */
    private static Map<String, Object> identity(JsonNode key) {
        Map<String, Object> id = new HashMap<>();
        key.properties().forEach(e -> id.put(e.getKey(), AttributeJson.read(e.getValue())));
        return id;
    }
}
