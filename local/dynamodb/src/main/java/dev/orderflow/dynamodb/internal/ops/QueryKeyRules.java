package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ConditionEvaluator;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a Query's key conditions and ExclusiveStartKey must satisfy against the table, checked in
 * DynamoDB's order: the start key's shape, then each key attribute of the queried key schema (hash
 * first) against the start key and the conditions, then the start key against the conditions.
 */
final class QueryKeyRules {
    private static final Set<String> NOT_INDEXABLE =
            Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");
    private static final String INVALID_START = "The provided starting key is invalid";

    private QueryKeyRules() {}

    static void check(
            TableDefinition def,
            IndexDefinition index,
            Map<String, KeyTerm> terms,
            Map<String, AttributeValue> start) {
        KeySchema key = index == null ? def.key() : index.key();
        if (start != null && start.size() != startKeyNames(def, index).size()) {
            throw ApiException.validation(INVALID_START);
        }
        for (String attr : names(key)) {
            boolean isHash = attr.equals(key.hash());
            String type = def.attributeTypes().get(attr);
            if (start != null) {
                if (!start.containsKey(attr)) {
                    throw ApiException.validation(INVALID_START);
                }
                Keys.checkPiece(def, attr, start.get(attr), isHash);
            }
            if (isHash && !key.hasRange() && terms.size() > 1) {
                throw ApiException.validation("Query key condition not supported");
            }
            KeyTerm term = terms.get(attr);
            if (term == null) {
                if (isHash || terms.size() > 1) {
                    throw ApiException.validation(
                            "Query condition missed key schema element: " + attr);
                }
                continue;
            }
            if (NOT_INDEXABLE.contains(term.operator())) {
                throw ApiException.validation(
                        "Attempted conditional constraint is not an indexable operation");
            }
            for (AttributeValue v : term.values()) {
                if (!v.typeTag().equals(type)) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Condition parameter type"
                                    + " does not match schema type");
                }
            }
            if (isHash && !term.operator().equals("EQ")) {
                throw ApiException.validation("Query key condition not supported");
            }
        }
        if (start != null) {
            checkStartAgainstConditions(def, key, terms, start);
        }
    }

    /**
     * A Scan's ExclusiveStartKey before the scan's own checks: the right number of attributes and,
     * on an index, the index key's attributes.
     */
    static void checkScanStart(
            TableDefinition def, IndexDefinition index, Map<String, AttributeValue> start) {
        if (start == null) {
            return;
        }
        if (start.size() != startKeyNames(def, index).size()) {
            throw ApiException.validation(
                    index != null
                            ? INVALID_START
                            : INVALID_START
                                    + ": The provided key element does not match the schema");
        }
        if (index != null) {
            for (String attr : names(index.key())) {
                if (!start.containsKey(attr)) {
                    throw ApiException.validation(INVALID_START);
                }
                Keys.checkPiece(def, attr, start.get(attr), attr.equals(index.key().hash()));
            }
        }
    }

    /** The table key part of an ExclusiveStartKey must be a valid key of the table. */
    static void checkTableStart(TableDefinition def, Map<String, AttributeValue> start) {
        for (String attr : names(def.key())) {
            try {
                AttributeValue v = start.get(attr);
                if (v == null) {
                    throw ApiException.validation(
                            "The provided key element does not match the schema");
                }
                Keys.checkPiece(def, attr, v, attr.equals(def.key().hash()));
            } catch (ApiException e) {
                throw ApiException.validation(INVALID_START + ": " + e.getMessage());
            }
        }
    }

    private static void checkStartAgainstConditions(
            TableDefinition def,
            KeySchema key,
            Map<String, KeyTerm> terms,
            Map<String, AttributeValue> start) {
        checkTableStart(def, start);
        AttributeValue hashValue = terms.get(key.hash()).values().get(0);
        boolean sameHash = start.get(key.hash()).equals(hashValue);
        KeyTerm range = key.hasRange() ? terms.get(key.range()) : null;
        if (range == null) {
            if (!sameHash) {
                throw ApiException.validation(
                        "The provided starting key is outside query boundaries based on provided"
                                + " conditions");
            }
            return;
        }
        Condition predicate = KeyCondition.rangeCondition(key.range(), range);
        if (!ConditionEvaluator.test(predicate, Map.of(key.range(), start.get(key.range())))) {
            throw ApiException.validation(
                    "The provided starting key does not match the range key predicate");
        }
        if (!sameHash) {
            throw ApiException.validation(
                    "The query can return at most one row and cannot be restarted");
        }
    }

    /** The attributes a start key must have: the table's key and the index's. */
    private static Set<String> startKeyNames(TableDefinition def, IndexDefinition index) {
        Set<String> names = new LinkedHashSet<>(names(def.key()));
        if (index != null) {
            names.addAll(names(index.key()));
        }
        return names;
    }

    private static Set<String> names(KeySchema key) {
        Set<String> names = new LinkedHashSet<>();
        names.add(key.hash());
        if (key.hasRange()) {
            names.add(key.range());
        }
        return names;
    }
}
