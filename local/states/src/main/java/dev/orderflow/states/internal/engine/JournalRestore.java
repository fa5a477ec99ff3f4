package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.internal.exec.EngineServices;
import dev.orderflow.states.internal.exec.ExecutionIdentity;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.ResumePoint;
import dev.orderflow.states.internal.exec.StateMachineRef;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.model.StateMachineDef;
import dev.orderflow.states.internal.persist.JournalReplay;
import dev.orderflow.states.internal.tasks.TaskCallbacks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts back what a data directory's journal holds: the state machines and every execution with its
 * history and result. RUNNING executions continue only when {@link #resumeAll()} is called, once
 * whatever their tasks call is up.
 */
public final class JournalRestore {
    private final List<Runnable> pendingResumes = new ArrayList<>();

    /** Restores {@code replay} into the registry and the store. */
    public JournalRestore(
            JournalReplay replay,
            EngineServices services,
            MachineRegistry machines,
            ExecutionStore executions,
            TaskCallbacks callbacks) {
        for (StateMachineDescription d : replay.machines()) {
            machines.restore(d);
        }
        Map<String, StateMachineDef> definitions = new HashMap<>();
        for (JournalReplay.Execution e : replay.executions()) {
            StateMachineDef def =
                    definitions.computeIfAbsent(e.definition(), MachineRegistry::parse);
            StateMachineRef machine =
                    new StateMachineRef(
                            e.stateMachineArn(),
                            e.stateMachineName(),
                            e.roleArn(),
                            e.type(),
                            e.versionArn(),
                            e.aliasArn());
            ExecutionRun run =
                    new ExecutionRun(
                            services,
                            new ExecutionIdentity(machine, e.arn(), e.name(), e.testCase()),
                            e.input(),
                            Json.parse(e.input()),
                            def,
                            e.startDate());
            ResumePoint point = e.resumePoint();
            run.restore(
                    e.history(),
                    e.status(),
                    e.stopDate(),
                    e.output(),
                    e.error(),
                    e.cause(),
                    e.redriveCount(),
                    e.redriveDate(),
                    point);
            executions.claim(run);
            executions.index(run);
            if (e.status() == ExecutionStatus.RUNNING) {
                pendingResumes.add(() -> resume(run, point, e.taskResults(), callbacks));
            }
        }
    }

    /** A restore with nothing to resume (no data directory). */
    public JournalRestore() {}

    private static void resume(
            ExecutionRun run,
            ResumePoint point,
            List<JournalReplay.TaskResult> results,
            TaskCallbacks callbacks) {
        run.resume(point);
        for (JournalReplay.TaskResult r : results) {
            if (r.token().equals(point.token())) {
                run.post(() -> callbacks.deliver(r.token(), r.outcome()));
            }
        }
    }

    /** Continues the restored RUNNING executions; does nothing the second time. */
    public void resumeAll() {
        List<Runnable> resumes;
        synchronized (pendingResumes) {
            resumes = List.copyOf(pendingResumes);
            pendingResumes.clear();
        }
        resumes.forEach(Runnable::run);
    }
}
