package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.api.ActivityTask;
import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.ValidationResult;
import dev.orderflow.states.api.VirtualClock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case under {@code src/test/resources/conformance/<feature>/*.json}. A file holds
 * {@code cases[]}; each case has a definition, an input, optional scripted task responses and the
 * expected status with output or error (and cause when given); {@code stop} stops the execution
 * once it waits. Each file cites its AWS doc page; a case whose behaviour the docs leave open or
 * get wrong cites its own {@code source}: recorded AWS behaviour in a public repository. A case's
 * {@code divergence} field (see {@link CaseDivergence}) only documents it: the runner judges every
 * case by its {@code expect} alone.
 */
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        for (ConformanceCases.CaseFile file : ConformanceCases.files()) {
            assertThat(file.json().path("doc").asText())
                    .as("doc link in %s", file.path())
                    .startsWith("https://docs.aws.amazon.com/");
            for (JsonNode c : file.cases()) {
                String name = file.path() + " :: " + c.get("name").asText();
                if (c.has("source")) {
                    assertThat(c.get("source").asText())
                            .as("source of %s", name)
                            .startsWith("https://");
                }
                out.add(Arguments.of(name, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conformance(String name, JsonNode c) throws Exception {
        VirtualClock clock = new VirtualClock();
        try (StepFunctionsEngine engine =
                StepFunctionsEngine.builder()
                        .clock(clock)
                        .seed(7)
                        .taskInvoker(ScriptedInvoker.fromJson(c.get("taskResponses")))
                        .build()) {
            String definition = JSON.writeValueAsString(c.get("definition"));
            JsonNode expect = c.get("expect");
            if (expect.has("invalid")) {
                ValidationResult v = engine.validate(definition);
                assertThat(v.ok()).as("valid").isFalse();
                List<String> rendered =
                        v.diagnostics().stream()
                                .map(
                                        d ->
                                                d.code()
                                                        + ": "
                                                        + d.message()
                                                        + d.location()
                                                                .map(l -> " at " + l)
                                                                .orElse(""))
                                .toList();
                for (JsonNode expected : expect.get("invalid")) {
                    assertThat(rendered)
                            .as("diagnostics")
                            .anySatisfy(r -> assertThat(r).contains(expected.asText()));
                }
                return;
            }
            assertThat(engine.validate(definition).diagnostics()).as("diagnostics").isEmpty();
            // "activities": names created before the state machine (activity Task resources).
            for (JsonNode a : c.path("activities")) {
                engine.activities().create(a.asText());
            }
            String type = c.path("type").asText("STANDARD");
            StateMachineDescription sm =
                    engine.createStateMachine(
                            "m",
                            definition,
                            "arn:aws:iam::123456789012:role/r",
                            StateMachineType.valueOf(type));
            ExecutionDescription started =
                    engine.startExecution(
                            startArn(engine, sm.stateMachineArn(), definition, c),
                            Optional.of("e"),
                            Optional.of(
                                    JSON.writeValueAsString(
                                            c.has("input")
                                                    ? c.get("input")
                                                    : JSON.createObjectNode())));
            // "stop": StopExecution as soon as the execution waits (the virtual clock runs it
            // inline up to its first timer or token), with the given error and cause.
            if (c.has("stop")) {
                JsonNode stop = c.get("stop");
                engine.stopExecution(
                        started.executionArn(),
                        Optional.ofNullable(stop.path("error").textValue()),
                        Optional.ofNullable(stop.path("cause").textValue()));
            }
            clock.runUntilIdle();
            answerActivities(engine, clock, c.path("activityWorker"));
            ExecutionDescription d = engine.describeExecution(started.executionArn());
            assertThat(d.status().name())
                    .as("status (error %s, cause %s)", d.error(), d.cause())
                    .isEqualTo(expect.get("status").asText());
            if (expect.has("output")) {
                assertThat(JSON.readTree(d.output().orElseThrow())).isEqualTo(expect.get("output"));
            }
            // "error": null / "cause": null mean DescribeExecution has none.
            if (expect.has("error")) {
                if (expect.get("error").isNull()) {
                    assertThat(d.error()).as("error").isEmpty();
                } else {
                    assertThat(d.error()).contains(expect.get("error").asText());
                }
            }
            if (expect.has("cause")) {
                if (expect.get("cause").isNull()) {
                    assertThat(d.cause()).as("cause").isEmpty();
                } else {
                    assertThat(d.cause()).contains(expect.get("cause").asText());
                }
            }
            if (expect.has("causeContains")) {
                assertThat(d.cause().orElse("")).contains(expect.get("causeContains").asText());
            }
            if (expect.has("elapsedSeconds")) {
                assertThat(
                                d.stopDate().orElseThrow().getEpochSecond()
                                        - d.startDate().getEpochSecond())
                        .isEqualTo(expect.get("elapsedSeconds").asLong());
            }
            if (expect.has("version")) {
                assertThat(d.stateMachineVersionArn())
                        .contains(sm.stateMachineArn() + ":" + expect.get("version").asInt());
            }
            List<HistoryEvent> history =
                    expect.has("events")
                                    || expect.has("previousEventIds")
                                    || expect.has("firstEvent")
                                    || expect.has("lastEvent")
                            ? engine.getExecutionHistory(started.executionArn())
                            : List.of();
            if (expect.has("events")) {
                List<String> types = history.stream().map(HistoryEvent::type).toList();
                List<String> expected = new ArrayList<>();
                expect.get("events").forEach(e -> expected.add(e.asText()));
                assertThat(types).isEqualTo(expected);
            }
            // "previousEventIds": every event's previousEventId, in history order.
            if (expect.has("previousEventIds")) {
                List<Long> links = history.stream().map(HistoryEvent::previousEventId).toList();
                List<Long> expected = new ArrayList<>();
                expect.get("previousEventIds").forEach(e -> expected.add(e.asLong()));
                assertThat(links).as("previousEventIds").isEqualTo(expected);
            }
            // "firstEvent": the first event of a type and its details, exactly.
            if (expect.has("firstEvent")) {
                JsonNode want = expect.get("firstEvent");
                HistoryEvent first =
                        history.stream()
                                .filter(e -> e.type().equals(want.get("type").asText()))
                                .findFirst()
                                .orElseThrow();
                assertThat(first.details()).as("details").isEqualTo(want.get("details"));
            }
            // "childEvents": per child execution of the first Map Run, in the order they started,
            // the event types of its own history.
            if (expect.has("childEvents")) {
                String mapRun = engine.mapRuns().list(started.executionArn()).get(0).mapRunArn();
                List<ExecutionDescription> children =
                        new ArrayList<>(engine.mapRuns().childExecutions(mapRun));
                java.util.Collections.reverse(children);
                List<List<String>> actual = new ArrayList<>();
                for (ExecutionDescription child : children) {
                    actual.add(
                            engine.getExecutionHistory(child.executionArn()).stream()
                                    .map(HistoryEvent::type)
                                    .toList());
                }
                List<List<String>> expected = new ArrayList<>();
                for (JsonNode child : expect.get("childEvents")) {
                    List<String> types = new ArrayList<>();
                    child.forEach(e -> types.add(e.asText()));
                    expected.add(types);
                }
                assertThat(actual).as("childEvents").isEqualTo(expected);
            }
            // "lastEvent": the closing event's type, previousEventId and details, exactly.
            if (expect.has("lastEvent")) {
                HistoryEvent last = history.get(history.size() - 1);
                JsonNode want = expect.get("lastEvent");
                assertThat(last.type()).isEqualTo(want.get("type").asText());
                assertThat(last.previousEventId())
                        .as("previousEventId")
                        .isEqualTo(want.get("previousEventId").asLong());
                assertThat(last.details()).as("details").isEqualTo(want.get("details"));
            }
        }
    }

    /**
     * "activityWorker": answers, in order, each a GetActivityTask on {@code activity} by {@code
     * worker} followed by SendTaskSuccess ({@code output}) or SendTaskFailure ({@code error},
     * {@code cause}), or nothing with {@code "take": true}; the virtual clock runs until idle after
     * each.
     */
    private static void answerActivities(
            StepFunctionsEngine engine, VirtualClock clock, JsonNode answers) throws Exception {
        for (JsonNode a : answers) {
            String arn =
                    "arn:aws:states:us-east-1:123456789012:activity:" + a.get("activity").asText();
            ActivityTask task =
                    engine.activities().getTask(arn, a.get("worker").asText()).getNow(null);
            assertThat(task).as("a task was waiting on %s", arn).isNotNull();
            String token = task.taskToken().orElseThrow();
            if (a.path("take").asBoolean(false)) {
                // "take": the worker holds the task and never answers (heartbeat timeouts).
            } else if (a.has("output")) {
                engine.sendTaskSuccess(token, JSON.writeValueAsString(a.get("output")));
            } else {
                engine.sendTaskFailure(
                        token,
                        Optional.ofNullable(a.path("error").textValue()),
                        Optional.ofNullable(a.path("cause").textValue()));
            }
            clock.runUntilIdle();
        }
    }

    /**
     * The ARN to start: the state machine's, or with "versions" (definitions published in order as
     * versions 1, 2, ..., after which the machine's definition is "definition" again) the ARN of
     * "startThrough": {"version": n} or of an alias with "startThrough": {"alias": [{"version": n,
     * "weight": w}, ...]}.
     */
    private static String startArn(
            StepFunctionsEngine engine, String machineArn, String definition, JsonNode c)
            throws Exception {
        if (!c.has("versions")) {
            return machineArn;
        }
        for (JsonNode v : c.get("versions")) {
            engine.updateStateMachine(
                    machineArn, Optional.of(JSON.writeValueAsString(v)), Optional.empty());
            engine.versioning().publish(machineArn, Optional.empty(), Optional.empty());
        }
        engine.updateStateMachine(machineArn, Optional.of(definition), Optional.empty());
        JsonNode through = c.get("startThrough");
        if (through.has("version")) {
            return machineArn + ":" + through.get("version").asInt();
        }
        List<StateMachineAlias.Route> routes = new ArrayList<>();
        for (JsonNode r : through.get("alias")) {
            routes.add(
                    new StateMachineAlias.Route(
                            machineArn + ":" + r.get("version").asInt(), r.get("weight").asInt()));
        }
        return engine.versioning()
                .createAlias("live", Optional.empty(), routes)
                .stateMachineAliasArn();
    }
}
