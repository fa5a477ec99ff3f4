package dev.orderflow.states.internal.parse;

/**
 * One finding of definition validation, shaped like ValidateStateMachineDefinition's diagnostics.
 * {@code location} is a JSON pointer or null.
 */
public record Diagnostic(String severity, String code, String message, String location) {
    /** An ERROR diagnostic. */
    public static Diagnostic error(String code, String message, String location) {
        return new Diagnostic("ERROR", code, message, location);
    }

    /** The {@code CODE: message at /loc} text used in InvalidDefinition messages. */
    public String render() {
        return code + ": " + message + (location == null ? "" : " at " + location);
    }
}
