package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks DynamoDB makes of every key schema of a CreateTable request, the table's and each
 * secondary index's alike: its attributes are defined, and it lists a hash key then a range key of
 * another name.
 */
final class KeySchemaRules {
    static final String INVALID = "One or more parameter values were invalid: ";

    private KeySchemaRules() {}

    /** The {@code AttributeName} of each element of a key schema or attribute definition list. */
    static List<String> attributeNames(JsonNode elements) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : elements) {
            names.add(e.path("AttributeName").asText());
        }
        return names;
    }

    static void allDefined(List<String> keys, List<String> defined) {
        if (!defined.containsAll(keys)) {
            throw ApiException.validation(
                    INVALID
                            + "Some index key attributes are not defined in AttributeDefinitions."
                            + " Keys: ["
                            + String.join(", ", keys)
                            + "], AttributeDefinitions: ["
                            + String.join(", ", defined)
                            + "]");
        }
    }

    /** The same name twice is reported before the key types are looked at. */
    static void hashThenRange(JsonNode keySchema) {
        List<String> keys = attributeNames(keySchema);
        if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
            throw ApiException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same"
                            + " name");
        }
        if (!keySchema.path(0).path("KeyType").asText().equals("HASH")) {
            throw ApiException.validation(
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keys.size() == 2 && !keySchema.path(1).path("KeyType").asText().equals("RANGE")) {
            throw ApiException.validation(
                    "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }
}
