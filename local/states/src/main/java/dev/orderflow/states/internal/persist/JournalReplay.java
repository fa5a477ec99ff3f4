package dev.orderflow.states.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.internal.exec.ResumePoint;
import dev.orderflow.states.spi.TaskOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an execution journal back into state machines and executions, in journal order. */
public final class JournalReplay {

    /** A task result that was acknowledged and may not have been applied yet. */
    public record TaskResult(String token, TaskOutcome outcome) {}

    /** One execution as the journal left it. */
    public record Execution(
            String arn,
            String name,
            String stateMachineArn,
            String stateMachineName,
            String roleArn,
            StateMachineType type,
            String input,
            String definition,
            String testCase,
            Instant startDate,
            List<HistoryEvent> history,
            ExecutionStatus status,
            Instant stopDate,
            JsonNode output,
            String error,
            String cause,
            int redriveCount,
            Instant redriveDate,
            ResumePoint resumePoint,
            List<TaskResult> taskResults,
            String versionArn,
            String aliasArn) {
        public Execution {
            history = List.copyOf(history);
            taskResults = List.copyOf(taskResults);
        }
    }

    /** An execution while its records are read. */
    private static final class Replayed {
        private final JsonNode start;
        private final List<JsonNode> events = new ArrayList<>();
        private final List<JsonNode> sinceCheckpoint = new ArrayList<>();
        private JsonNode lastRedrive;
        private JsonNode lastEnd;
        private final List<HistoryEvent> history = new ArrayList<>();
        private final List<TaskResult> taskResults = new ArrayList<>();
        private ExecutionStatus status = ExecutionStatus.RUNNING;
        private Instant stopDate;
        private JsonNode output;
        private String error;
        private String cause;
        private int redriveCount;
        private Instant redriveDate;
        private JsonNode checkpoint;
        private String token;
        private Instant parkedAt;
        private Instant lastHeartbeat;
        private Instant waitDeadline;
        private int[] retryCounts;
        private int retryCount;
        private Instant retryDue;

        private Replayed(JsonNode start) {
            this.start = start;
        }

        private Execution build() {
            return new Execution(
                    start.path("x").asText(),
                    start.path("name").asText(),
                    start.path("sm").asText(),
                    start.path("smName").asText(),
                    text(start, "role"),
                    StateMachineType.valueOf(start.path("type").asText()),
                    start.path("input").asText(),
                    start.path("definition").asText(),
                    text(start, "testCase"),
                    Instant.parse(start.path("at").asText()),
                    history,
                    status,
                    stopDate,
                    output,
                    error,
                    cause,
                    redriveCount,
                    redriveDate,
                    resumePoint(),
                    taskResults,
                    text(start, "version"),
                    text(start, "alias"));
        }

        /** The top-level state to continue from, as of the last checkpoint. */
        private ResumePoint resumePoint() {
            if (checkpoint == null) {
                return new ResumePoint(
                        null, null, Map.of(), null, 0, null, null, null, null, null, 0, null);
            }
            Map<String, JsonNode> vars = new LinkedHashMap<>();
            checkpoint.path("vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue()));
            return new ResumePoint(
                    checkpoint.path("state").asText(),
                    checkpoint.path("input"),
                    vars,
                    Instant.parse(checkpoint.path("at").asText()),
                    checkpoint.path("eid").asLong(),
                    token,
                    parkedAt,
                    lastHeartbeat,
                    waitDeadline,
                    retryCounts,
                    retryCount,
                    retryDue);
        }
    }

    private final Map<String, JsonNode> machineRecords = new LinkedHashMap<>();
    private final Map<String, StateMachineDescription> machines = new LinkedHashMap<>();
    private final Map<String, Replayed> executions = new LinkedHashMap<>();

    private JournalReplay() {}

    /** Reads {@code <dataDir>/executions.jsonl}; nothing when it does not exist. */
    public static JournalReplay read(Path dataDir) {
        JournalReplay replay = new JournalReplay();
        for (JsonNode r : JournalFile.read(dataDir.resolve(FileExecutionJournal.FILE))) {
            replay.apply(r);
        }
        return replay;
    }

    /** State machines that exist, in creation order. */
    public List<StateMachineDescription> machines() {
        return List.copyOf(machines.values());
    }

    /** Activities that exist, in creation order. */
    public List<ActivityDescription> activities() {
        return records("act").map(ResourceRecords::activity).toList();
    }

    /** Published versions that exist, in publication order. */
    public List<StateMachineVersion> versions() {
        return records("ver").map(ResourceRecords::version).toList();
    }

    /** ARNs of deleted versions (their numbers stay taken). */
    public List<String> deletedVersions() {
        return records("verdel").map(r -> r.path("arn").asText()).toList();
    }

    /** Aliases that exist, as last saved. */
    public List<StateMachineAlias> aliases() {
        return records("alias").map(ResourceRecords::alias).toList();
    }

    private java.util.stream.Stream<JsonNode> records(String kind) {
        return machineRecords.values().stream().filter(r -> r.path("k").asText().equals(kind));
    }

    /**
     * The records that rebuild the same state: state machines as they are, then per execution its
     * start and history events, its last redrive, its last checkpoint with what followed it, and
     * its end. Superseded checkpoints, heartbeats, timers and applied task results are dropped.
     */
    List<JsonNode> compacted() {
        List<JsonNode> out = new ArrayList<>(machineRecords.values());
        for (Replayed e : executions.values()) {
            out.add(e.start);
            out.addAll(e.events);
            if (e.lastRedrive != null) {
                out.add(e.lastRedrive);
            }
            if (e.checkpoint != null) {
                out.add(e.checkpoint);
            }
            if (e.status == ExecutionStatus.RUNNING) {
                out.addAll(e.sinceCheckpoint);
            } else {
                out.add(e.lastEnd);
            }
        }
        return out;
    }

    /** Executions, oldest first. */
    public List<Execution> executions() {
        return executions.values().stream().map(Replayed::build).toList();
    }

    private void apply(JsonNode r) {
        String kind = r.path("k").asText();
        if (kind.equals("sm")) {
            machineRecords.put(r.path("arn").asText(), r);
            machines.put(
                    r.path("arn").asText(), ResourceRecords.machine(r, r.path("arn").asText()));
            return;
        }
        if (ResourceRecords.KINDS.contains(kind)) {
            // Activities, versions and aliases are kept with the state machines' records, so
            // compaction keeps the live ones.
            machineRecords.put(r.path("arn").asText(), r);
            return;
        }
        if (kind.equals("verdel")) {
            // Replaces the version's record and stays: version numbers are never reused.
            machineRecords.put(r.path("arn").asText(), r);
            return;
        }
        if (ResourceRecords.DELETIONS.contains(kind)) {
            machineRecords.remove(r.path("arn").asText());
            return;
        }
        if (kind.equals("smdel")) {
            String arn = r.path("arn").asText();
            machineRecords.remove(arn);
            // A deleted state machine's versions and aliases go with it.
            machineRecords.keySet().removeIf(k -> k.startsWith(arn + ":"));
            machines.remove(arn);
            return;
        }
        if (kind.equals("start")) {
            executions.put(r.path("x").asText(), new Replayed(r));
            return;
        }
        Replayed e = executions.get(r.path("x").asText());
        if (e == null) {
            return;
        }
        if (kind.equals("ev")) {
            e.events.add(r);
        } else if (kind.equals("cp")) {
            e.sinceCheckpoint.clear();
        } else if (kind.equals("end")) {
            e.lastEnd = r;
        } else if (kind.equals("redrive")) {
            e.lastRedrive = r;
        } else {
            e.sinceCheckpoint.add(r);
        }
        switch (kind) {
            case "ev" ->
                    e.history.add(
                            new HistoryEvent(
                                    r.path("id").asLong(),
                                    r.path("prev").asLong(),
                                    Instant.parse(r.path("at").asText()),
                                    r.path("type").asText(),
                                    text(r, "field"),
                                    r.get("details")));
            case "cp" -> {
                e.checkpoint = r;
                e.token = null;
                e.parkedAt = null;
                e.lastHeartbeat = null;
                e.waitDeadline = null;
                e.retryCounts = null;
                e.retryCount = 0;
                e.retryDue = null;
                e.taskResults.clear();
            }
            case "park" -> {
                e.token = r.path("token").asText();
                e.parkedAt = Instant.parse(r.path("at").asText());
                e.lastHeartbeat = null;
                e.retryDue = null;
            }
            case "hb" -> e.lastHeartbeat = Instant.parse(r.path("at").asText());
            case "wait" -> e.waitDeadline = Instant.parse(r.path("deadline").asText());
            case "retry" -> {
                int[] counts = new int[r.path("counts").size()];
                Iterator<JsonNode> it = r.path("counts").elements();
                for (int i = 0; it.hasNext(); i++) {
                    counts[i] = it.next().asInt();
                }
                e.retryCounts = counts;
                e.retryCount = r.path("n").asInt();
                e.retryDue = Instant.parse(r.path("due").asText());
                e.token = null;
                e.parkedAt = null;
            }
            case "tres" ->
                    e.taskResults.add(
                            new TaskResult(
                                    r.path("token").asText(),
                                    r.has("output")
                                            ? TaskOutcome.success(r.get("output"))
                                            : TaskOutcome.failure(
                                                    r.path("error").asText(),
                                                    r.path("cause").asText())));
            case "end" -> {
                e.status = ExecutionStatus.valueOf(r.path("status").asText());
                e.stopDate = Instant.parse(r.path("stop").asText());
                e.output = r.get("output");
                e.error = text(r, "error");
                e.cause = text(r, "cause");
            }
            case "redrive" -> {
                e.status = ExecutionStatus.RUNNING;
                e.stopDate = null;
                e.output = null;
                e.error = null;
                e.cause = null;
                e.redriveCount = r.path("count").asInt();
                e.redriveDate = Instant.parse(r.path("at").asText());
            }
            default -> {
                // a record kind of a newer version: ignored
            }
        }
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
