package dev.orderflow.states.spi;

/** How a Task waits for its integration (AWS docs "Discover service integration patterns"). */
public enum IntegrationPattern {
    /** Call the service and move on with its HTTP response. */
    REQUEST_RESPONSE(""),
    /** {@code .sync}: wait for the job to complete. */
    RUN_JOB(".sync"),
    /** {@code .sync:2}: wait for the job, output parsed as JSON (states:startExecution). */
    RUN_JOB_JSON(".sync:2"),
    /** {@code .waitForTaskToken}: pause until SendTaskSuccess/Failure with the token. */
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
        this.suffix = suffix;
    }

    /** The resource suffix that selects the pattern. */
    public String suffix() {
        return suffix;
    }
}
