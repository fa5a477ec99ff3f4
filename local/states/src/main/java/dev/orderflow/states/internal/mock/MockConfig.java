package dev.orderflow.states.internal.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.tasks.MockResponder;
import dev.orderflow.states.spi.TaskOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step Functions Local's mock configuration (AWS docs "Using mocked service integrations"): {@code
 * StateMachines.<machine>.TestCases.<case>.<state> = <response name>} and {@code
 * MockedResponses.<name>.<"0" | "1-2">.Return|Throw}.
 */
public final class MockConfig implements MockResponder {
    private record Range(int from, int to, TaskOutcome outcome) {}

    private final Map<String, Map<String, Map<String, String>>> machines;
    private final Map<String, List<Range>> responses;

    private MockConfig(
            Map<String, Map<String, Map<String, String>>> machines,
            Map<String, List<Range>> responses) {
        this.machines = machines;
        this.responses = responses;
    }

    /**
     * Loads a file.
     *
     * @throws IllegalArgumentException when the file is unreadable or malformed
     */
    public static MockConfig load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read mock config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the JSON text.
     *
     * @throws IllegalArgumentException when malformed
     */
    public static MockConfig parse(String text) {
        JsonNode root = Json.parse(text);
        Map<String, Map<String, Map<String, String>>> machines = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        root.path("StateMachines").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            Map<String, Map<String, String>> cases = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ct =
                            m.getValue().path("TestCases").properties().iterator();
                    ct.hasNext(); ) {
                Map.Entry<String, JsonNode> c = ct.next();
                Map<String, String> states = new HashMap<>();
                c.getValue()
                        .properties()
                        .iterator()
                        .forEachRemaining(s -> states.put(s.getKey(), s.getValue().asText()));
                cases.put(c.getKey(), states);
            }
            machines.put(m.getKey(), cases);
        }
        Map<String, List<Range>> responses = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        root.path("MockedResponses").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            List<Range> ranges = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> rt = r.getValue().properties().iterator();
                    rt.hasNext(); ) {
                Map.Entry<String, JsonNode> e = rt.next();
                // limit 0 drops a trailing empty bound: "3-" reads as "3", as it always has
                String[] bounds = e.getKey().split("-", 0);
                int from = Integer.parseInt(bounds[0].trim());
                int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
                ranges.add(new Range(from, to, outcome(r.getKey(), e.getValue())));
            }
            responses.put(r.getKey(), ranges);
        }
        return new MockConfig(machines, responses);
    }

    private static TaskOutcome outcome(String name, JsonNode node) {
        if (node.has("Return")) {
            return TaskOutcome.success(node.get("Return"));
        }
        if (node.has("Throw")) {
            JsonNode t = node.get("Throw");
            return TaskOutcome.failure(
                    t.path("Error").asText(StatesErrors.TASK_FAILED), t.path("Cause").asText(""));
        }
        throw new IllegalArgumentException("mocked response " + name + " needs Return or Throw");
    }

    @Override
    public Optional<TaskOutcome> respond(
            String stateMachineName, String testCase, String stateName, int attempt) {
        Map<String, Map<String, String>> cases = machines.get(stateMachineName);
        if (cases == null || !cases.containsKey(testCase)) {
            return Optional.empty();
        }
        String responseName = cases.get(testCase).get(stateName);
        if (responseName == null) {
            return Optional.empty();
        }
        List<Range> ranges = responses.get(responseName);
        if (ranges == null) {
            return Optional.of(
                    TaskOutcome.failure(
                            StatesErrors.RUNTIME,
                            "The mocked response '"
                                    + responseName
                                    + "' is not defined in MockedResponses"));
        }
        for (Range r : ranges) {
            if (attempt >= r.from() && attempt <= r.to()) {
                return Optional.of(r.outcome());
            }
        }
        return Optional.of(
                TaskOutcome.failure(
                        StatesErrors.RUNTIME,
                        "The mocked response '"
                                + responseName
                                + "' has no entry for invocation "
                                + attempt));
    }

    /** True when the machine has the named test case. */
    public boolean hasTestCase(String stateMachineName, String testCase) {
        Map<String, Map<String, String>> cases = machines.get(stateMachineName);
        return cases != null && cases.containsKey(testCase);
    }
}
