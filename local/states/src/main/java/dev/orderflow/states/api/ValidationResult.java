package dev.orderflow.states.api;

import java.util.List;

/** The result of ValidateStateMachineDefinition: {@code OK} or {@code FAIL} with diagnostics. */
public record ValidationResult(boolean ok, List<ValidationDiagnostic> diagnostics) {
    public ValidationResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
