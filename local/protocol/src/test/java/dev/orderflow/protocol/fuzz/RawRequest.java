package dev.orderflow.protocol.fuzz;

/**
 * One request as bytes on the wire, and the kind of damage done to it (for the report).
 *
 * @param label the mutation and operation, e.g. {@code WRONG_TYPE PutItem}
 */
public record RawRequest(String label, byte[] bytes) {}
