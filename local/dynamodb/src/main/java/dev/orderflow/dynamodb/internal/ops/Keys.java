package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.Map;

/** Key and item validation with AWS's messages ("Service, account, and table quotas"). */
final class Keys {
    static final int MAX_HASH_KEY = 2048;
    static final int MAX_RANGE_KEY = 1024;

    private Keys() {}

    /** Validates a full item for PutItem (keys present and typed, index keys typed, size). */
    static void validateItem(TableDefinition def, Map<String, AttributeValue> item) {
        KeySchema k = def.key();
        checkItemKey(def, item, k.hash());
        if (k.hasRange()) {
            checkItemKey(def, item, k.range());
        }
        validateIndexKeys(def, item);
        checkSize(item);
    }

    /**
     * Validates a BatchWriteItem put: DynamoDB reports a missing or mistyped key attribute there as
     * a key that does not match the schema, then checks the item as PutItem does.
     */
    static void validateBatchItem(TableDefinition def, Map<String, AttributeValue> item) {
        KeySchema k = def.key();
        for (String attr : new String[] {k.hash(), k.range()}) {
            if (attr == null) {
                continue;
            }
            AttributeValue v = item.get(attr);
            if (v == null || !v.typeTag().equals(def.attributeTypes().get(attr))) {
                throw ApiException.validation("The provided key element does not match the schema");
            }
        }
        validateItem(def, item);
    }

    static void checkSize(Map<String, AttributeValue> item) {
        if (ItemSize.of(item) > ItemSize.MAX_ITEM) {
            throw ApiException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Index key attributes must have the declared type and may not be empty. */
    static void validateIndexKeys(TableDefinition def, Map<String, AttributeValue> item) {
        for (IndexDefinition i : def.indexes()) {
            for (String attr : new String[] {i.key().hash(), i.key().range()}) {
                if (attr == null || def.key().isKey(attr)) {
                    continue;
                }
                AttributeValue v = item.get(attr);
                if (v == null) {
                    continue;
                }
                String expected = def.attributeTypes().get(attr);
                if (!v.typeTag().equals(expected)) {
                    throw indexKeyMismatch(attr, expected, v.typeTag(), i.name());
                }
                if (isEmpty(v)) {
                    throw ApiException.validation(
                            "One or more parameter values are not valid. A value specified for a"
                                    + " secondary index key is not supported. The AttributeValue"
                                    + " for a key attribute cannot contain an empty "
                                    + (v instanceof AttributeValue.S ? "string" : "binary")
                                    + " value. IndexName: "
                                    + i.name()
                                    + ", IndexKey: "
                                    + attr);
                }
            }
        }
    }

    private static void checkItemKey(
            TableDefinition def, Map<String, AttributeValue> item, String attr) {
        AttributeValue v = item.get(attr);
        if (v == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Missing the key "
                            + attr
                            + " in the item");
        }
        checkKeyValue(def, attr, v, true);
    }

    /** Validates a Key parameter (GetItem, DeleteItem, UpdateItem...). */
    static void validateKey(TableDefinition def, Map<String, AttributeValue> key) {
        KeySchema k = def.key();
        int expected = k.hasRange() ? 2 : 1;
        if (key.size() != expected
                || !key.containsKey(k.hash())
                || (k.hasRange() && !key.containsKey(k.range()))) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
            checkKeyValue(def, e.getKey(), e.getValue(), false);
        }
    }

    private static void checkKeyValue(
            TableDefinition def, String attr, AttributeValue v, boolean item) {
        String expected = def.attributeTypes().get(attr);
        if (item && !v.typeTag().equals(expected)) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Type mismatch for key "
                            + attr
                            + " expected: "
                            + expected
                            + " actual: "
                            + v.typeTag());
        }
        if (item && isEmpty(v)) {
            throw emptyKeyValue("One or more parameter values are not valid. ", v, attr);
        }
        checkPiece(def, attr, v, attr.equals(def.key().hash()));
    }

    /**
     * One attribute of a key (a Key parameter, an ExclusiveStartKey): the declared type, not empty,
     * within the key size limits.
     */
    static void checkPiece(TableDefinition def, String attr, AttributeValue v, boolean isHash) {
        if (!v.typeTag().equals(def.attributeTypes().get(attr))) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        if (isEmpty(v)) {
            throw emptyKeyValue("One or more parameter values were invalid: ", v, attr);
        }
        if (v instanceof AttributeValue.N) {
            return;
        }
        int size = ItemSize.of(v);
        if (isHash && size > MAX_HASH_KEY) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Size of hashkey has exceeded the"
                            + " maximum size limit of2048 bytes");
        }
        if (!isHash && size > MAX_RANGE_KEY) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Aggregated size of all range keys"
                            + " has exceeded the size limit of 1024 bytes");
        }
    }

    /**
     * Key attributes are scalars: an expression may not reach into one with {@code .} or {@code
     * []}. Table key attributes are checked first, then index keys (global indexes before local).
     */
    static void rejectNestedKeyPaths(TableDefinition def, Iterable<Operand.Path> paths) {
        java.util.Set<String> nested = new java.util.HashSet<>();
        for (Operand.Path p : paths) {
            if (p.elements().size() > 1) {
                nested.add(p.topName());
            }
        }
        if (nested.isEmpty()) {
            return;
        }
        for (String attr : new String[] {def.key().hash(), def.key().range()}) {
            if (attr != null && nested.contains(attr)) {
                throw nonScalar("Key: " + attr);
            }
        }
        for (boolean global : new boolean[] {true, false}) {
            for (IndexDefinition i : def.indexes()) {
                if (i.global() != global) {
                    continue;
                }
                for (String attr : new String[] {i.key().hash(), i.key().range()}) {
                    if (attr != null && nested.contains(attr)) {
                        throw nonScalar("IndexKey: " + attr);
                    }
                }
            }
        }
    }

    private static ApiException nonScalar(String which) {
        return ApiException.validation(
                "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
                        + " allowed: "
                        + which);
    }

    /** An item or update giving an index key attribute a value of another type. */
    static ApiException indexKeyMismatch(
            String attr, String expected, String actual, String index) {
        return ApiException.validation(
                "One or more parameter values were invalid: Type mismatch for Index Key "
                        + attr
                        + " Expected: "
                        + expected
                        + " Actual: "
                        + actual
                        + " IndexName: "
                        + index);
    }

    /**
     * DynamoDB words this differently for an item ("are not valid.") and a key ("were invalid:").
     */
    private static ApiException emptyKeyValue(String lead, AttributeValue v, String attr) {
        return ApiException.validation(
                lead
                        + "The AttributeValue for a key attribute cannot contain an empty "
                        + (v instanceof AttributeValue.S ? "string" : "binary")
                        + " value. Key: "
                        + attr);
    }

    private static boolean isEmpty(AttributeValue v) {
        return (v instanceof AttributeValue.S s && s.value().isEmpty())
                || (v instanceof AttributeValue.B b && b.value().length() == 0);
    }
}
