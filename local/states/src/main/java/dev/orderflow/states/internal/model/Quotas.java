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

    private Quotas() {}
}
