package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Executions through the Step Functions engine's own API: the list (by status, by a part of the
 * name, which is the order id for the saga) and one execution with its definition, history and what
 * happened to each state ({@link StateOutcomes}).
 */
final class ExecutionsView {

    private static final Set<String> STATUSES =
            Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

    /** The newest executions listed; the name search narrows a larger set. */
    static final int LIST_LIMIT = 200;

    private final AwsJsonClient sfn;

    ExecutionsView(AwsJsonClient sfn) {
        this.sfn = sfn;
    }

    /** {@code GET /_console/api/executions?status=&name=&limit=}. */
    ObjectNode list(QueryParams query) {
        Optional<String> status = query.get("status").map(s -> s.toUpperCase(Locale.ROOT));
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw ConsoleProblem.badRequest(
                    "status must be one of " + STATUSES + ", got " + status.get());
        }
        String name = query.get("name").orElse("").toLowerCase(Locale.ROOT);
        int limit = query.intBetween("limit", 1, 1000, LIST_LIMIT);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode machine :
                sfn.call("ListStateMachines", Json.object()).path("stateMachines")) {
            String token = null;
            do {
                ObjectNode request =
                        Json.object()
                                .put("stateMachineArn", machine.path("stateMachineArn").asText())
                                .put("maxResults", 1000);
                status.ifPresent(s -> request.put("statusFilter", s));
                if (token != null) {
                    request.put("nextToken", token);
                }
                JsonNode page = sfn.call("ListExecutions", request);
                for (JsonNode execution : page.path("executions")) {
                    if (execution.path("name").asText().toLowerCase(Locale.ROOT).contains(name)) {
                        found.add(execution);
                    }
                }
                token = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
            } while (token != null);
        }
        found.sort(
                Comparator.comparingDouble((JsonNode e) -> e.path("startDate").asDouble())
                        .reversed());
        ObjectNode out = Json.object();
        out.put("total", found.size());
        ArrayNode list = out.putArray("executions");
        found.stream().limit(limit).forEach(list::add);
        return out;
    }

    /** {@code GET /_console/api/execution?arn=}: description, definition, history, outcomes. */
    ObjectNode one(QueryParams query) {
        String arn = query.require("arn");
        ObjectNode byArn = Json.object().put("executionArn", arn);
        JsonNode execution;
        try {
            execution = sfn.call("DescribeExecution", byArn);
        } catch (AwsCallException e) {
            if (e.code().endsWith("ExecutionDoesNotExist") || e.code().endsWith("InvalidArn")) {
                throw ConsoleProblem.notFound("no execution " + arn);
            }
            throw e;
        }
        ArrayNode events = history(arn);
        ObjectNode out = Json.object();
        out.set("execution", execution);
        if (execution.hasNonNull("mapRunArn")) {
            mapRunChild(execution.path("mapRunArn").asText(), out);
        } else {
            JsonNode machine = sfn.call("DescribeStateMachineForExecution", byArn);
            out.put("stateMachineName", machine.path("name").asText());
            out.set("definition", Json.parse(machine.path("definition").asText()));
        }
        out.setAll(
                StateOutcomes.of(
                        events, execution.path("status").asText(), out.path("definition")));
        out.set("events", events);
        return out;
    }

    /**
     * A DISTRIBUTED Map's child execution runs the Map's ItemProcessor: its definition is read from
     * the parent's, the Map being the one whose history started this Map Run.
     */
    private void mapRunChild(String mapRunArn, ObjectNode out) {
        String parentArn =
                sfn.call("DescribeMapRun", Json.object().put("mapRunArn", mapRunArn))
                        .path("executionArn")
                        .asText();
        JsonNode machine =
                sfn.call(
                        "DescribeStateMachineForExecution",
                        Json.object().put("executionArn", parentArn));
        JsonNode parent = Json.parse(machine.path("definition").asText());
        JsonNode outcomes =
                StateOutcomes.of(history(parentArn), "SUCCEEDED", parent).path("mapRuns");
        String map = "";
        for (var run : outcomes.properties()) {
            for (JsonNode a : run.getValue()) {
                if (a.asText().equals(mapRunArn)) {
                    map = run.getKey();
                }
            }
        }
        JsonNode state = find(parent, map);
        out.put("stateMachineName", machine.path("name").asText() + " / " + map);
        out.put("parentExecutionArn", parentArn);
        out.put("mapRunArn", mapRunArn);
        out.set(
                "definition",
                state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator"));
    }

    /** The state named so anywhere in a definition (names are unique in a machine). */
    private static JsonNode find(JsonNode machine, String name) {
        for (var state : machine.path("States").properties()) {
            if (state.getKey().equals(name)) {
                return state.getValue();
            }
            List<JsonNode> inner = new ArrayList<>();
            state.getValue().path("Branches").forEach(inner::add);
            inner.add(state.getValue().path("ItemProcessor"));
            inner.add(state.getValue().path("Iterator"));
            for (JsonNode level : inner) {
                JsonNode hit = find(level, name);
                if (!hit.isMissingNode()) {
                    return hit;
                }
            }
        }
        return Json.mapper().missingNode();
    }

    /**
     * {@code GET /_console/api/map-run?arn=}: a DISTRIBUTED Map Run and its child executions, in
     * the order they started (the items' order), each with its index.
     */
    ObjectNode mapRun(QueryParams query) {
        String arn = query.require("arn");
        JsonNode run;
        try {
            run = sfn.call("DescribeMapRun", Json.object().put("mapRunArn", arn));
        } catch (AwsCallException e) {
            if (e.code().endsWith("ResourceNotFound") || e.code().endsWith("InvalidArn")) {
                throw ConsoleProblem.notFound("no Map Run " + arn);
            }
            throw e;
        }
        List<JsonNode> children = new ArrayList<>();
        String token = null;
        do {
            ObjectNode request = Json.object().put("mapRunArn", arn).put("maxResults", 1000);
            if (token != null) {
                request.put("nextToken", token);
            }
            JsonNode page = sfn.call("ListExecutions", request);
            page.path("executions").forEach(children::add);
            token = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (token != null);
        // newest first; the items start in order
        Collections.reverse(children);
        ObjectNode out = Json.object();
        out.set("mapRun", run);
        ArrayNode list = out.putArray("children");
        for (int i = 0; i < children.size(); i++) {
            ((ObjectNode) children.get(i)).put("index", i);
            list.add(children.get(i));
        }
        return out;
    }

    private ArrayNode history(String arn) {
        ArrayNode events = Json.mapper().createArrayNode();
        String token = null;
        do {
            ObjectNode request = Json.object().put("executionArn", arn).put("maxResults", 1000);
            if (token != null) {
                request.put("nextToken", token);
            }
            JsonNode page = sfn.call("GetExecutionHistory", request);
            page.path("events").forEach(events::add);
            token = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (token != null);
        return events;
    }
}
