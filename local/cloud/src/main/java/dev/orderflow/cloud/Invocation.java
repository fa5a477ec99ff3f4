package dev.orderflow.cloud;

/**
 * The outcome of invoking a local Lambda function.
 *
 * @param payload the response payload (JSON), or Lambda's error document when {@code functionError}
 * @param functionError true when the handler threw or timed out ({@code X-Amz-Function-Error})
 */
public record Invocation(String payload, boolean functionError) {}
