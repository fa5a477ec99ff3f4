package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.ValidationDiagnostic;
import dev.orderflow.states.api.ValidationResult;
import dev.orderflow.states.internal.parse.DefinitionParser;
import dev.orderflow.states.internal.parse.ParseResult;
import java.util.Optional;

/** ValidateStateMachineDefinition: the parser's diagnostics as the API reports them. */
public final class DefinitionValidation {

    private DefinitionValidation() {}

    /**
     * The diagnostics of {@code definition}.
     *
     * @throws dev.orderflow.states.api.StepFunctionsException ValidationException when it is longer
     *     than the Definition shape allows
     */
    public static ValidationResult validate(String definition) {
        DefinitionSize.check(definition);
        ParseResult r = DefinitionParser.parse(definition);
        return new ValidationResult(
                r.ok(),
                r.diagnostics().stream()
                        .map(
                                d ->
                                        new ValidationDiagnostic(
                                                d.severity(),
                                                d.code(),
                                                d.message(),
                                                Optional.ofNullable(d.location())))
                        .toList());
    }
}
