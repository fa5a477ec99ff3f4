package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.VirtualClock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * State machine versions and aliases through the unmodified SDK v2 {@code SfnClient} (AWS Developer
 * Guide "State machine versions" and "State machine aliases"), with virtual time so each execution
 * of a Pass state ends before StartExecution answers.
 */
class VersionsAliasesSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        server = StepFunctionsServer.builder().port(0).clock(new VirtualClock()).seed(21).start();
        sfn = SdkClients.sfn(server).build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private static String pass(String result) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\""
                + result
                + "\",\"End\":true}}}";
    }

    private static RoutingConfigurationListItem route(String versionArn, int weight) {
        return RoutingConfigurationListItem.builder()
                .stateMachineVersionArn(versionArn)
                .weight(weight)
                .build();
    }

    private static DescribeExecutionResponse run(String arn) {
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
        return sfn.describeExecution(b -> b.executionArn(exec));
    }

    @Test
    void publish_numbersImmutableVersions_andReturnsTheLatestForAnUnchangedMachine() {
        var created =
                sfn.createStateMachine(
                        b ->
                                b.name("versions")
                                        .definition(pass("one"))
                                        .roleArn(ROLE)
                                        .publish(true)
                                        .versionDescription("first"));
        String sm = created.stateMachineArn();
        assertThat(created.stateMachineVersionArn()).isEqualTo(sm + ":1");
        var updated =
                sfn.updateStateMachine(
                        b -> b.stateMachineArn(sm).definition(pass("two")).publish(true));
        assertThat(updated.stateMachineVersionArn()).isEqualTo(sm + ":2");
        assertThat(updated.revisionId())
                .isEqualTo(sfn.describeStateMachine(b -> b.stateMachineArn(sm)).revisionId());
        // Unchanged since version 2: publishing again answers version 2.
        assertThat(
                        sfn.publishStateMachineVersion(
                                        b -> b.stateMachineArn(sm).revisionId(updated.revisionId()))
                                .stateMachineVersionArn())
                .isEqualTo(sm + ":2");
        assertThatThrownBy(
                        () ->
                                sfn.publishStateMachineVersion(
                                        b -> b.stateMachineArn(sm).revisionId("stale")))
                .isInstanceOf(ConflictException.class);

        var v1 = sfn.describeStateMachine(b -> b.stateMachineArn(sm + ":1"));
        assertThat(v1.definition()).isEqualTo(pass("one"));
        assertThat(v1.description()).isEqualTo("first");
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(StateMachineVersionListItem::stateMachineVersionArn)
                .containsExactly(sm + ":2", sm + ":1");

        // A version runs its own definition; the machine runs its latest.
        DescribeExecutionResponse byVersion = run(sm + ":1");
        assertThat(byVersion.output()).isEqualTo("\"one\"");
        assertThat(byVersion.stateMachineArn()).isEqualTo(sm);
        assertThat(byVersion.stateMachineVersionArn()).isEqualTo(sm + ":1");
        assertThat(byVersion.stateMachineAliasArn()).isNull();
        assertThat(run(sm).output()).isEqualTo("\"two\"");

        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(sm + ":1"));
        assertThatThrownBy(() -> run(sm + ":1"))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        // Numbers are not reused after a deletion.
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(pass("three")));
        assertThat(
                        sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm))
                                .stateMachineVersionArn())
                .isEqualTo(sm + ":3");
    }

    @Test
    void alias_routesExecutions_andGuardsTheVersionsItUses() {
        String sm =
                sfn.createStateMachine(b -> b.name("aliased").definition(pass("a")).roleArn(ROLE))
                        .stateMachineArn();
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(pass("b")));
        String v2 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();

        String alias =
                sfn.createStateMachineAlias(
                                b ->
                                        b.name("prod")
                                                .description("live")
                                                .routingConfiguration(route(v1, 100)))
                        .stateMachineAliasArn();
        assertThat(alias).isEqualTo(sm + ":prod");
        DescribeExecutionResponse d = run(alias);
        assertThat(d.output()).isEqualTo("\"a\"");
        assertThat(d.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(d.stateMachineVersionArn()).isEqualTo(v1);

        assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1)))
                .isInstanceOf(ConflictException.class);
        sfn.updateStateMachineAlias(
                b -> b.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
        assertThat(run(alias).output()).isEqualTo("\"b\"");
        run(sm);
        // ListExecutions with an alias or version ARN lists the executions started through it.
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions()).hasSize(2);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(v2)).executions()).hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).hasSize(3);
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1));

        var described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThat(described.name()).isEqualTo("prod");
        assertThat(described.description()).isEqualTo("live");
        assertThat(described.routingConfiguration()).containsExactly(route(v2, 100));
        assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(sm)).stateMachineAliases())
                .hasSize(1);
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void alias_rejectsRoutingThatAwsRejects() {
        String sm =
                sfn.createStateMachine(b -> b.name("strict").definition(pass("x")).roleArn(ROLE))
                        .stateMachineArn();
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        assertThatThrownBy(
                        () ->
                                sfn.createStateMachineAlias(
                                        b -> b.name("half").routingConfiguration(route(v1, 50))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(
                        () ->
                                sfn.createStateMachineAlias(
                                        b ->
                                                b.name("missing")
                                                        .routingConfiguration(
                                                                route(sm + ":9", 100))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () ->
                                sfn.createStateMachineAlias(
                                        b -> b.name("123").routingConfiguration(route(v1, 100))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(
                        () ->
                                sfn.createStateMachineAlias(
                                        b ->
                                                b.name("twice")
                                                        .routingConfiguration(
                                                                route(v1, 50), route(v1, 50))))
                .isInstanceOf(ValidationException.class);
    }

    /**
     * 1,000 starts through a 30/70 alias. Each start draws once from the engine's seeded random, so
     * the split is the same on every run; the bound still holds for any seed: the count of version
     * 1 is binomial(1000, 0.3), standard deviation 14.5, and ±75 is over 5 of them.
     */
    @Test
    void weightedAlias_splitsExecutionsByWeight() {
        String sm =
                sfn.createStateMachine(b -> b.name("canary").definition(pass("old")).roleArn(ROLE))
                        .stateMachineArn();
        String v1 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(pass("new")));
        String v2 =
                sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        String alias =
                sfn.createStateMachineAlias(
                                b ->
                                        b.name("canary")
                                                .routingConfiguration(route(v1, 30), route(v2, 70)))
                        .stateMachineAliasArn();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            DescribeExecutionResponse d = run(alias);
            assertThat(d.output())
                    .isEqualTo(d.stateMachineVersionArn().equals(v1) ? "\"old\"" : "\"new\"");
            counts.merge(d.stateMachineVersionArn(), 1, Integer::sum);
        }
        assertThat(counts.get(v1)).isBetween(150 - 50, 150 + 50);
        assertThat(counts.get(v1) + counts.get(v2)).isEqualTo(500);
    }
}
