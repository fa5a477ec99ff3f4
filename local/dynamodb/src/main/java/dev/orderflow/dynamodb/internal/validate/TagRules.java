package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.regex.Pattern;

/**
 * The checks of TagResource, UntagResource and ListTagsOfResource before the table lookup, in
 * DynamoDB's order: an ARN is given, it has an ARN's shape (else the caller is denied access to
 * it), the list of tags or tag keys is given, the ARN names a table, and the list is not empty.
 */
final class TagRules {
    private static final Pattern ARN_SHAPE = Pattern.compile(".+:.+:.+:.+:.+:.+/.+");
    // DynamoDB accepts a table ARN whose table name is at least three characters long.
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws:dynamodb:.+:\\d+:table/[^/]{2}[^/]+");

    private TagRules() {}

    static void tagResource(JsonNode r) {
        String arn = arn(r, "TagResource");
        JsonNode tags = list(r, "Tags");
        tableArn(arn);
        if (tags.isEmpty()) {
            throw ApiException.validation("Atleast one Tag needs to be provided as Input.");
        }
    }

    static void untagResource(JsonNode r) {
        String arn = arn(r, "UntagResource");
        JsonNode keys = list(r, "TagKeys");
        tableArn(arn);
        if (keys.isEmpty()) {
            throw ApiException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
    }

    static void listTagsOfResource(JsonNode r) {
        tableArn(arn(r, "ListTagsOfResource"));
    }

    private static String arn(JsonNode r, String operation) {
        if (!ExpressionRules.has(r, "ResourceArn")) {
            throw ApiException.validation("Invalid TableArn");
        }
        String arn = r.get("ResourceArn").asText();
        if (!ARN_SHAPE.matcher(arn).matches()) {
            throw ApiException.accessDenied(
                    "User: arn:aws:iam::"
                            + Engine.ACCOUNT
                            + ":root is not authorized to perform: dynamodb:"
                            + operation
                            + " on resource: "
                            + (arn.isEmpty() ? "*" : arn));
        }
        return arn;
    }

    /** DynamoDB reports this missing member alone, after the ARN's shape. */
    private static JsonNode list(JsonNode r, String member) {
        if (!ExpressionRules.has(r, member)) {
            String path = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw ApiException.validation(
                    "1 validation error detected: Value null at '"
                            + path
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return r.get(member);
    }

    private static void tableArn(String arn) {
        if (!TABLE_ARN.matcher(arn).matches()) {
            throw ApiException.validation(
                    "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
    }
}
