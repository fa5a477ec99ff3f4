package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * The definition size limit through the SDK v2 {@code SfnClient}. Sources: "Step Functions service
 * quotas" (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html: maximum
 * definition size 1 MB, a hard quota) and the API reference's request parameters for
 * CreateStateMachine, UpdateStateMachine, ValidateStateMachineDefinition and TestState ({@code
 * definition}: length 1 to 1048576); the message is AWS's request-validation wording for a
 * sensitive member, whose value it leaves out.
 */
class DefinitionSizeSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String MACHINE =
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static final int LIMIT = 1_048_576;
    private static final String MESSAGE =
            "1 validation error detected: Value at 'definition' failed to satisfy constraint:"
                    + " Member must have length less than or equal to 1048576";
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        server = StepFunctionsServer.builder().port(0).start();
        sfn = SdkClients.sfnWithoutHostPrefix(server);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    /** {@code json} padded with trailing blanks to {@code length} characters. */
    private static String padded(String json, int length) {
        return json + " ".repeat(length - json.length());
    }

    private static void assertTooLong(Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(
                        SfnException.class,
                        e -> {
                            assertThat(e.awsErrorDetails().errorCode())
                                    .isEqualTo("ValidationException");
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
                            assertThat(e.statusCode()).isEqualTo(400);
                        });
    }

    @Test
    void createStateMachine_acceptsADefinitionOfExactlyTheLimit() {
        String arn =
                sfn.createStateMachine(
                                b ->
                                        b.name("at-limit")
                                                .definition(padded(MACHINE, LIMIT))
                                                .roleArn(ROLE))
                        .stateMachineArn();

        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition())
                .hasSize(LIMIT);
    }

    @Test
    void createStateMachine_isAValidationException_overTheLimit() {
        String tooLong = padded(MACHINE, LIMIT + 1);

        assertTooLong(
                () ->
                        sfn.createStateMachine(
                                b -> b.name("over-limit").definition(tooLong).roleArn(ROLE)));
        assertThat(sfn.listStateMachines().stateMachines())
                .noneMatch(m -> m.name().equals("over-limit"));
    }

    @Test
    void createStateMachine_reportsTheLength_beforeTheDefinitionIsRead() {
        // Not JSON at all: the length check comes first, as AWS's request validation does.
        String tooLong = "x".repeat(LIMIT + 1);

        assertTooLong(
                () ->
                        sfn.createStateMachine(
                                b -> b.name("not-json").definition(tooLong).roleArn(ROLE)));
    }

    @Test
    void updateStateMachine_isAValidationException_overTheLimit_andKeepsTheDefinition() {
        String arn =
                sfn.createStateMachine(b -> b.name("updated").definition(MACHINE).roleArn(ROLE))
                        .stateMachineArn();
        String tooLong = padded(MACHINE, LIMIT + 1);

        assertTooLong(
                () -> sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(tooLong)));
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition())
                .isEqualTo(MACHINE);
    }

    @Test
    void validateStateMachineDefinition_isAValidationException_overTheLimit() {
        assertThat(
                        sfn.validateStateMachineDefinition(
                                        b -> b.definition(padded(MACHINE, LIMIT)))
                                .result())
                .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        String tooLong = padded(MACHINE, LIMIT + 1);

        assertTooLong(() -> sfn.validateStateMachineDefinition(b -> b.definition(tooLong)));
    }

    @Test
    void testState_isAValidationException_overTheLimit() {
        String tooLong = padded("{\"Type\":\"Pass\",\"End\":true}", LIMIT + 1);

        assertTooLong(() -> sfn.testState(b -> b.roleArn(ROLE).definition(tooLong)));
    }
}
