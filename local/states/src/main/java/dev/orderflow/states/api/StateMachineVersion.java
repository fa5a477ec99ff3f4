package dev.orderflow.states.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A published, immutable version of a state machine (PublishStateMachineVersion): its ARN is the
 * state machine's ARN with {@code :<number>} appended; numbers start at 1 and are never reused.
 */
public record StateMachineVersion(
        String stateMachineVersionArn,
        String stateMachineArn,
        int number,
        Optional<String> description,
        StateMachineDescription machine,
        String revisionId,
        Instant creationDate) {}
