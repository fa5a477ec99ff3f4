package dev.orderflow.states.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A state machine alias (CreateStateMachineAlias): routes executions started through its ARN to one
 * or two versions by weight.
 */
public record StateMachineAlias(
        String stateMachineAliasArn,
        String name,
        Optional<String> description,
        List<Route> routingConfiguration,
        Instant creationDate,
        Instant updateDate) {

    /** Copies the routes. */
    public StateMachineAlias {
        routingConfiguration = List.copyOf(routingConfiguration);
    }

    /** One route: a version ARN and the percentage of executions it receives. */
    public record Route(String stateMachineVersionArn, int weight) {}
}
