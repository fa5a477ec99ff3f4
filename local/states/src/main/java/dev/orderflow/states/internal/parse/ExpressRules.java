package dev.orderflow.states.internal.parse;

import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.model.StateMachineDef;
import dev.orderflow.states.internal.tasks.ResourceArn;
import dev.orderflow.states.spi.IntegrationPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EXPRESS workflows support neither {@code .sync} nor {@code .waitForTaskToken} nor activities (AWS
 * docs "Choosing workflow type": service integration patterns per type).
 */
public final class ExpressRules {
    private ExpressRules() {}

    /** The diagnostics for an EXPRESS machine; empty when it is acceptable. */
    public static List<Diagnostic> check(StateMachineDef def) {
        List<Diagnostic> out = new ArrayList<>();
        walk(def, "", out);
        return out;
    }

    private static void walk(StateMachineDef def, String loc, List<Diagnostic> out) {
        for (Map.Entry<String, State> e : def.states().entrySet()) {
            String sl = loc + "/States/" + e.getKey();
            State s = e.getValue();
            if (s instanceof State.Task t) {
                ResourceArn.parse(t.resource())
                        .ifPresent(
                                arn -> {
                                    if (arn.activity()) {
                                        // AWS docs "Choosing workflow type": Express workflows
                                        // do not support activities.
                                        out.add(
                                                Diagnostic.error(
                                                        "SCHEMA_VALIDATION_FAILED",
                                                        "Express state machine does not support Activity ARN",
                                                        sl + "/Resource"));
                                        return;
                                    }
                                    IntegrationPattern p = arn.pattern();
                                    if (p == IntegrationPattern.RUN_JOB
                                            || p == IntegrationPattern.RUN_JOB_JSON
                                            || p == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
                                        String suffix =
                                                p == IntegrationPattern.WAIT_FOR_TASK_TOKEN
                                                        ? ".waitForTaskToken"
                                                        : ".sync";
                                        out.add(
                                                Diagnostic.error(
                                                        "SCHEMA_VALIDATION_FAILED",
                                                        "Express state machine does not support '"
                                                                + suffix
                                                                + "' service integration.",
                                                        sl + "/Resource"));
                                    }
                                });
            } else if (s instanceof State.Parallel p) {
                for (int i = 0; i < p.branches().size(); i++) {
                    walk(p.branches().get(i), sl + "/Branches[" + i + "]", out);
                }
            } else if (s instanceof State.Map m && m.processor() != null) {
                walk(m.processor(), sl + "/ItemProcessor", out);
            }
        }
    }
}
