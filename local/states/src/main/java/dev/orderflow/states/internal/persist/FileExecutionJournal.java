package dev.orderflow.states.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.StateMachineRef;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.spi.TaskOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The execution journal in {@code <dataDir>/executions.jsonl}: one JSON line per state machine
 * change, execution start, history event, top-level checkpoint, task callback and end. {@link
 * JournalReplay} reads it back.
 */
public final class FileExecutionJournal implements ExecutionJournal {
    static final String FILE = "executions.jsonl";

    private final JournalFile file;

    /** Opens (or creates) the journal in {@code dataDir}. */
    public FileExecutionJournal(Path dataDir) {
        this.file = new JournalFile(dataDir.resolve(FILE));
    }

    /**
     * Rewrites the journal in {@code dataDir} with only the records {@code replay} needs (call
     * before opening it), so it grows with the history kept, not with every checkpoint.
     */
    public static void compact(Path dataDir, JournalReplay replay) {
        if (java.nio.file.Files.exists(dataDir.resolve(FILE))) {
            JournalFile.rewrite(dataDir.resolve(FILE), replay.compacted());
        }
    }

    private static ObjectNode record(String kind, String executionArn) {
        ObjectNode r = Json.object().put("k", kind);
        if (executionArn != null) {
            r.put("x", executionArn);
        }
        return r;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void machineSaved(StateMachineDescription m) {
        ObjectNode r = record("sm", null);
        r.put("arn", m.stateMachineArn());
        ResourceRecords.putMachine(r, m);
        file.append(r);
    }

    @Override
    public void machineDeleted(String arn) {
        file.append(record("smdel", null).put("arn", arn));
    }

    @Override
    public void activitySaved(ActivityDescription a) {
        file.append(ResourceRecords.of(a));
    }

    @Override
    public void activityDeleted(String arn) {
        file.append(record("actdel", null).put("arn", arn));
    }

    @Override
    public void versionPublished(StateMachineVersion v) {
        file.append(ResourceRecords.of(v));
    }

    @Override
    public void versionDeleted(String arn) {
        file.append(record("verdel", null).put("arn", arn));
    }

    @Override
    public void aliasSaved(StateMachineAlias a) {
        file.append(ResourceRecords.of(a));
    }

    @Override
    public void aliasDeleted(String arn) {
        file.append(record("aliasdel", null).put("arn", arn));
    }

    @Override
    public void started(ExecutionRun run, String definition) {
        ObjectNode r = record("start", run.executionArn());
        r.put("name", run.name());
        StateMachineRef machine = run.identity().machine();
        r.put("sm", machine.arn());
        r.put("smName", machine.name());
        r.put("role", machine.roleArn());
        r.put("type", machine.type().name());
        r.put("input", run.inputText());
        r.put("definition", definition);
        r.put("testCase", run.identity().mockTestCase());
        r.put("version", machine.versionArn());
        r.put("alias", machine.aliasArn());
        r.put("at", run.startDate().toString());
        file.append(r);
    }

    @Override
    public void event(String executionArn, HistoryEvent e) {
        ObjectNode r = record("ev", executionArn);
        r.put("id", e.id());
        r.put("prev", e.previousEventId());
        r.put("at", e.timestamp().toString());
        r.put("type", e.type());
        r.put("field", e.detailsField());
        r.set("details", e.details());
        file.append(r);
    }

    @Override
    public void entered(
            String executionArn,
            String state,
            JsonNode input,
            Map<String, JsonNode> variables,
            Instant at,
            long eventId) {
        ObjectNode r = record("cp", executionArn);
        r.put("state", state);
        r.set("input", input);
        ObjectNode vars = r.putObject("vars");
        variables.forEach(vars::set);
        r.put("at", at.toString());
        r.put("eid", eventId);
        file.append(r);
    }

    @Override
    public void parked(String executionArn, String token, Instant at) {
        file.append(record("park", executionArn).put("token", token).put("at", at.toString()));
    }

    @Override
    public void heartbeat(String executionArn, Instant at) {
        file.append(record("hb", executionArn).put("at", at.toString()));
    }

    @Override
    public void waiting(String executionArn, Instant deadline) {
        file.append(record("wait", executionArn).put("deadline", deadline.toString()));
    }

    @Override
    public void retrying(String executionArn, int[] counts, int retryCount, Instant due) {
        ObjectNode r = record("retry", executionArn);
        ArrayNode c = r.putArray("counts");
        for (int n : counts) {
            c.add(n);
        }
        r.put("n", retryCount);
        r.put("due", due.toString());
        file.append(r);
    }

    @Override
    public void taskResult(String executionArn, String token, TaskOutcome outcome) {
        ObjectNode r = record("tres", executionArn).put("token", token);
        if (outcome instanceof TaskOutcome.Succeeded succeeded) {
            r.set("output", succeeded.output());
        } else {
            TaskOutcome.Failed f = (TaskOutcome.Failed) outcome;
            r.put("error", f.error());
            r.put("cause", f.cause());
        }
        file.append(r);
    }

    @Override
    public void ended(ExecutionRun run) {
        ObjectNode r = record("end", run.executionArn());
        r.put("status", run.status().name());
        r.put("stop", run.stopDate().toString());
        if (run.output() != null) {
            r.set("output", run.output());
        }
        r.put("error", run.error());
        r.put("cause", run.cause());
        file.append(r);
    }

    @Override
    public void redriven(ExecutionRun run) {
        file.append(
                record("redrive", run.executionArn())
                        .put("count", run.redriveCount())
                        .put("at", run.redriveDate().toString()));
    }

    @Override
    public void close() {
        file.close();
    }
}
