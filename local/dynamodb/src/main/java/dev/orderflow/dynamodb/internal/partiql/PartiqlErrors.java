package dev.orderflow.dynamodb.internal.partiql;

import dev.orderflow.dynamodb.internal.error.ApiException;

/**
 * DynamoDB's PartiQL error answers. The texts are those DynamoDB gives (the conformance cases in
 * {@code conformance/partiql} cite where each was observed); the detail after "Statement wasn't
 * well formed, can't be processed: " is DynamoDB's for a statement that does not start with a
 * data-manipulation keyword and for a misplaced keyword, and the engine's own wording otherwise.
 */
final class PartiqlErrors {
    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
    static final String INCOMPLETE_KEY =
            "Where clause does not contain a mandatory equality on all key attributes";

    private PartiqlErrors() {}

    static ApiException syntax(String detail) {
        return ApiException.validation(
                "Statement wasn't well formed, can't be processed: " + detail);
    }

    static ApiException validation(String message) {
        return ApiException.validation(message);
    }

    static ApiException parameterCount() {
        return validation("Number of parameters in request and statement don't match.");
    }

    static ApiException incompleteKey() {
        return validation(INCOMPLETE_KEY);
    }

    static ApiException duplicateItem() {
        return new ApiException(
                "com.amazonaws.dynamodb.v20120810#DuplicateItemException",
                DUPLICATE_ITEM,
                400,
                false);
    }

    static ApiException unsupported(String what) {
        return validation("Unsupported operation: " + what);
    }
}
