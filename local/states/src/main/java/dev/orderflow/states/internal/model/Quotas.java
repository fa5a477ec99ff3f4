package dev.orderflow.states.internal.model;

/** The Step Functions quotas the engine enforces, each named once (AWS docs "Service quotas"). */
public final class Quotas {
    /**
     * Maximum size of a state's input or output, an execution's input or output, a task result and
     * the default {@code MaxInputBytesPerBatch}: 256 KiB of UTF-8.
     */
    public static final int PAYLOAD_BYTES = 256 * 1024;

    /** Maximum length of a state machine, execution, state or variable name. */
    public static final int NAME_LENGTH = 80;

    /**
     * Maximum length of a definition (CreateStateMachine, UpdateStateMachine,
     * ValidateStateMachineDefinition, TestState): the API model's {@code Definition} shape allows 1
     * to 1,048,576 characters; the "Service quotas" page calls it 1 MB, a hard quota.
     */
    public static final int DEFINITION_LENGTH = 1_048_576;

    private Quotas() {}
}
