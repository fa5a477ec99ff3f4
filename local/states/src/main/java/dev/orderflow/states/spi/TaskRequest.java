package dev.orderflow.states.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One call from a Task state to an integration.
 *
 * @param resource the Task's {@code Resource} exactly as written
 * @param service the service part ({@code lambda}, {@code sqs}, {@code dynamodb}, {@code events},
 *     {@code aws-sdk}, ...)
 * @param action the action ({@code invoke}, {@code sendMessage}, {@code putItem}, ...; for aws-sdk
 *     the {@code service:action} pair)
 * @param pattern the integration pattern selected by the resource suffix
 * @param parameters the effective parameters (after InputPath/Parameters or Arguments); for a bare
 *     Lambda function ARN this is the function payload
 * @param functionArn for bare Lambda ARNs the function ARN, else empty
 * @param taskToken the token when the pattern is {@code .waitForTaskToken}, else empty
 * @param executionArn the execution making the call: inside a DISTRIBUTED Map, the child execution
 *     the task runs in, not its parent
 * @param stateName the Task state's name
 */
public record TaskRequest(
        String resource,
        String service,
        String action,
        IntegrationPattern pattern,
        JsonNode parameters,
        Optional<String> functionArn,
        Optional<String> taskToken,
        String executionArn,
        String stateName) {}
