package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.ChoiceBranch;
import dev.orderflow.states.internal.model.ChoiceRule;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.paths.PathRoots;

/** The Choice state (ASL spec "Choice State"). */
final class ChoiceEvaluator {
    private ChoiceEvaluator() {}

    static void run(StateRun run, State.Choice choice) {
        JsonNode input = DataFlow.effectiveInput(run);
        boolean jsonata = choice.common().jsonata();
        PathRoots roots = jsonata ? null : run.roots(input);
        for (int i = 0; i < choice.choices().size(); i++) {
            ChoiceBranch branch = choice.choices().get(i);
            boolean matched =
                    jsonata
                            ? condition(run, (ChoiceRule.Condition) branch.rule())
                            : ChoiceRules.test(branch.rule(), roots);
            if (matched) {
                // AWS names a rule's own Output and Assign under the rule (floci-io/floci#2689).
                String rule = "Choices[" + i + "]/";
                boolean own = branch.output() != null;
                DataFlow.Completion done =
                        DataFlow.withoutResult(
                                run,
                                input,
                                own ? branch.output() : choice.common().output(),
                                own ? rule + "Output" : "Output",
                                branch.assign(),
                                rule + "Assign");
                run.succeed(done.output(), branch.next(), done.assign());
                return;
            }
        }
        if (choice.defaultState() != null) {
            DataFlow.Completion done =
                    DataFlow.withoutResult(
                            run, input, choice.common().output(), choice.common().assign());
            run.succeed(done.output(), choice.defaultState(), done.assign());
            return;
        }
        run.fail(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
    }

    private static boolean condition(StateRun run, ChoiceRule.Condition rule) {
        JsonNode v =
                rule.expression().isTextual()
                        ? run.services()
                                .jsonata()
                                .evaluateTemplate(rule.expression(), run.jsonataScope(null, null))
                        : rule.expression();
        if (v == null || !v.isBoolean()) {
            throw new StatesFailure(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "The Condition field of the Choice state '"
                            + run.state().name()
                            + "' must evaluate to a boolean but returned "
                            + (v == null ? "undefined" : v.toString()));
        }
        return v.asBoolean();
    }
}
