package dev.orderflow.states.internal.maprun;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StepFunctionsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Map Run by ARN and per parent execution, oldest first. Kept for the engine's lifetime, like
 * executions. Thread-safe.
 */
public final class MapRunRegistry {
    private final Map<String, MapRun> byArn = new ConcurrentHashMap<>();
    private final Map<String, List<MapRun>> byExecution = new ConcurrentHashMap<>();
    private final Map<String, MapRun> byChild = new ConcurrentHashMap<>();

    /** What a new Map Run is made of. {@code items} holds each child's item count. */
    public record Start(
            String executionArn,
            String stateMachineArn,
            String label,
            boolean express,
            List<String> inputs,
            List<Integer> items,
            MapRunLimits limits,
            Instant at) {}

    /**
     * Creates a Map Run. Its ARN is {@code ...:mapRun:<stateMachine>/<label>:<uuid>} and each child
     * is {@code ...:execution:<stateMachine>/<label>:<uuid>} (AWS docs "Examining Map Runs"; an
     * EXPRESS child adds the Map Run's id as Express execution ARNs do).
     */
    public MapRun create(Start s, Random random) {
        String machine = s.stateMachineArn();
        int kind = machine.indexOf(":stateMachine:");
        String prefix = machine.substring(0, kind + 1);
        // A version or alias ARN (...:stateMachine:<name>:<qualifier>) names the same machine.
        String machineName = machine.substring(kind + ":stateMachine:".length());
        int qualifier = machineName.indexOf(':');
        String path =
                (qualifier < 0 ? machineName : machineName.substring(0, qualifier))
                        + "/"
                        + s.label();
        String id = uuid(random);
        String arn = prefix + "mapRun:" + path + ":" + id;
        List<MapRunChild> children = new ArrayList<>(s.inputs().size());
        for (int i = 0; i < s.inputs().size(); i++) {
            String name = uuid(random);
            String childArn =
                    s.express()
                            ? prefix + "express:" + path + ":" + id + ":" + name
                            : prefix + "execution:" + path + ":" + name;
            children.add(new MapRunChild(name, childArn, s.inputs().get(i), s.items().get(i)));
        }
        MapRun run =
                new MapRun(
                        arn,
                        s.executionArn(),
                        prefix + "stateMachine:" + path,
                        s.at(),
                        children,
                        s.limits());
        byArn.put(arn, run);
        byExecution.computeIfAbsent(s.executionArn(), k -> new CopyOnWriteArrayList<>()).add(run);
        children.forEach(c -> byChild.put(c.arn(), run));
        return run;
    }

    private static String uuid(Random random) {
        return new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    /** The Map Run. @throws StepFunctionsException InvalidArn, ResourceNotFound */
    public MapRun get(String mapRunArn) {
        checkArn(mapRunArn);
        MapRun run = byArn.get(mapRunArn);
        if (run == null) {
            throw new StepFunctionsException(
                    "ResourceNotFound", "Resource not found: '" + mapRunArn + "'");
        }
        return run;
    }

    /** The Map Runs an execution started, oldest first. */
    public List<MapRun> of(String executionArn) {
        return byExecution.getOrDefault(executionArn, List.of());
    }

    /** The child execution with this ARN, if a Map Run started one. */
    public Optional<ExecutionDescription> child(String executionArn) {
        MapRun run = byChild.get(executionArn);
        return run == null ? Optional.empty() : run.child(executionArn);
    }

    /** The history of a child execution, if a Map Run started one with this ARN. */
    public Optional<List<HistoryEvent>> childHistory(String executionArn) {
        MapRun run = byChild.get(executionArn);
        return run == null ? Optional.empty() : run.childHistory(executionArn);
    }

    /** The Map Run that started the child execution with this ARN, if one did. */
    public Optional<MapRun> runOfChild(String executionArn) {
        MapRun run = byChild.get(executionArn);
        return run == null || run.child(executionArn).isEmpty()
                ? Optional.empty()
                : Optional.of(run);
    }

    /** The ARN of the Map Run that started a child execution (empty string if none). */
    public String mapRunOf(String executionArn) {
        MapRun run = byChild.get(executionArn);
        return run == null ? "" : run.arn();
    }

    /** UpdateMapRun. @throws StepFunctionsException InvalidArn, ResourceNotFound */
    public void update(
            String mapRunArn, Integer concurrency, Long failureCount, Double failurePercentage) {
        get(mapRunArn).update(concurrency, failureCount, failurePercentage);
    }

    /**
     * Throws InvalidArn unless {@code arn} reads {@code arn:<p>:states:<r>:<a>:mapRun:<x>:<id>}.
     */
    private static void checkArn(String arn) {
        String[] p = arn.split(":", -1);
        if (p.length != 8
                || !p[0].equals("arn")
                || !p[2].equals("states")
                || !p[5].equals("mapRun")
                || p[6].isEmpty()
                || p[7].isEmpty()) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }
}
