package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.model.Quotas;

/**
 * The length constraint of the API model's {@code Definition} shape, checked before a definition is
 * parsed, as AWS's request validation rejects it before the service looks at it.
 */
public final class DefinitionSize {
    private DefinitionSize() {}

    /**
     * Rejects a definition longer than {@link Quotas#DEFINITION_LENGTH} characters.
     *
     * @throws StepFunctionsException ValidationException; the value is not echoed because the model
     *     marks {@code Definition} sensitive (AWS leaves such values out of the message)
     */
    public static void check(String definition) {
        // Length counts characters (code points), not UTF-8 bytes: the model's constraint is a
        // string length. length() is an upper bound, so the exact count runs only near the limit.
        if (definition != null
                && definition.length() > Quotas.DEFINITION_LENGTH
                && definition.codePointCount(0, definition.length()) > Quotas.DEFINITION_LENGTH) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value at 'definition' failed to satisfy"
                            + " constraint: Member must have length less than or equal to "
                            + Quotas.DEFINITION_LENGTH);
        }
    }
}
