package dev.orderflow.dynamodb.internal.error;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error that the engine reports to the client in AWS's JSON error shape. The type is the
 * fully-qualified AWS error type (the part before {@code #} is the Coral namespace AWS uses).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String DYNAMO = "com.amazonaws.dynamodb.v20120810#";
    static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
    static final String CORAL_SERVICE = "com.amazon.coral.service#";

    /** AWS's message for TransactionConflictException and the TransactionConflict reason. */
    public static final String TRANSACTION_ONGOING = "Transaction is ongoing for the item";

    private final String type;
    private final int status;
    private final boolean capitalMessage;
    private final transient ObjectNode extra =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    public ApiException(String type, String message, int status, boolean capitalMessage) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.capitalMessage = capitalMessage;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** Short error name, e.g. {@code ValidationException}. */
    public String shortName() {
        return type.substring(type.indexOf('#') + 1);
    }

    /** Writes extra fields (e.g. CancellationReasons) to the error body. */
    public void addFields(ObjectNode body) {
        body.setAll(extra);
        if (getMessage() != null) {
            body.put(capitalMessage ? "Message" : "message", getMessage());
        }
    }

    /** Adds a field (e.g. {@code Item}, {@code CancellationReasons}) to the error body. */
    public ApiException with(String field, com.fasterxml.jackson.databind.JsonNode value) {
        extra.set(field, value);
        return this;
    }

    public static ApiException validation(String message) {
        return new ApiException(CORAL_VALIDATE + "ValidationException", message, 400, false);
    }

    public static ApiException serialization(String message) {
        return new ApiException(CORAL_SERVICE + "SerializationException", message, 400, true);
    }

    public static ApiException unknownOperation() {
        return new ApiException(CORAL_SERVICE + "UnknownOperationException", null, 400, false);
    }

    public static ApiException missingAuth() {
        return new ApiException(
                CORAL_SERVICE + "MissingAuthenticationTokenException",
                "Request is missing Authentication Token",
                400,
                false);
    }

    /** A signature with parts missing; the message names each one, as DynamoDB's does. */
    public static ApiException incompleteSignature(String message) {
        return new ApiException(
                CORAL_SERVICE + "IncompleteSignatureException", message, 400, false);
    }

    public static ApiException invalidSignature(String message) {
        return new ApiException(CORAL_SERVICE + "InvalidSignatureException", message, 400, false);
    }

    /** A caller not allowed to act on a resource; DynamoDB capitalises this error's Message. */
    public static ApiException accessDenied(String message) {
        return new ApiException(CORAL_SERVICE + "AccessDeniedException", message, 400, true);
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException(DYNAMO + "ResourceNotFoundException", message, 400, false);
    }

    public static ApiException resourceNotFound() {
        return resourceNotFound("Requested resource not found");
    }

    public static ApiException resourceInUse(String message) {
        return new ApiException(DYNAMO + "ResourceInUseException", message, 400, false);
    }

    public static ApiException conditionalCheckFailed() {
        return new ApiException(
                DYNAMO + "ConditionalCheckFailedException",
                "The conditional request failed",
                400,
                false);
    }

    /** A single-item write to an item that a write transaction in flight holds. */
    public static ApiException transactionConflict() {
        return new ApiException(
                DYNAMO + "TransactionConflictException", TRANSACTION_ONGOING, 400, false);
    }

    /**
     * A write to an MRSC global table's item that a request in another region is modifying (HTTP
     * 400, retryable; the message is the engine's: AWS documents the error, not its text).
     */
    public static ApiException replicatedWriteConflict() {
        return new ApiException(
                DYNAMO + "ReplicatedWriteConflictException",
                "One or more items in this request are being modified by a request in another"
                        + " Region",
                400,
                false);
    }

    public static ApiException internal(String message) {
        return new ApiException(DYNAMO + "InternalServerError", message, 500, false);
    }

    public static ApiException idempotentParameterMismatch() {
        return new ApiException(
                DYNAMO + "IdempotentParameterMismatchException",
                "The request uses the same client token as a previous, but non-identical request.",
                400,
                true);
    }

    public static ApiException limitExceeded(String message) {
        return new ApiException(DYNAMO + "LimitExceededException", message, 400, false);
    }

    public static ApiException expiredIterator(String message) {
        return new ApiException(DYNAMO + "ExpiredIteratorException", message, 400, false);
    }

    public static ApiException trimmedData(String message) {
        return new ApiException(DYNAMO + "TrimmedDataAccessException", message, 400, false);
    }
}
