package dev.orderflow.states.internal.parse;

import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.List;

/** The outcome of parsing: a definition when there are no ERROR diagnostics. */
public record ParseResult(StateMachineDef definition, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the definition is usable. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(d -> d.severity().equals("ERROR"));
    }

    /** AWS's InvalidDefinition message for the errors. */
    public String invalidDefinitionMessage() {
        StringBuilder sb = new StringBuilder("Invalid State Machine Definition: '");
        for (int i = 0; i < diagnostics.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(diagnostics.get(i).render());
        }
        return sb.append('\'').toString();
    }
}
