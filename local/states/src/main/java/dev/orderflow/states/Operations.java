package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.ValidationResult;
import dev.orderflow.states.internal.json.Json;
import java.util.List;
import java.util.Optional;

/** Maps each API operation to the engine (AWS Step Functions API Reference, "Actions"). */
final class Operations {
    private final StepFunctionsEngine engine;
    private final ActivityOperations activities;
    private final VersionOperations versions;
    private final MapRunOperations mapRuns;

    Operations(StepFunctionsEngine engine) {
        this.engine = engine;
        this.activities = new ActivityOperations(engine);
        this.versions = new VersionOperations(engine);
        this.mapRuns = new MapRunOperations(engine.mapRuns());
    }

    JsonNode dispatch(String op, JsonNode r) {
        return switch (op) {
            case "CreateStateMachine" -> create(r);
            case "DescribeStateMachine" -> versions.describe(r);
            case "UpdateStateMachine" -> {
                ObjectNode out = Json.object();
                out.put(
                        "updateDate",
                        Shapes.time(
                                engine.updateStateMachine(
                                        Shapes.required(r, "stateMachineArn"),
                                        Shapes.optional(r, "definition"),
                                        Shapes.optional(r, "roleArn"))));
                versions.afterUpdate(r, out);
                yield out;
            }
            case "ListStateMachines" -> listStateMachines(r);
            case "DeleteStateMachine" -> {
                engine.deleteStateMachine(Shapes.required(r, "stateMachineArn"));
                yield Json.object();
            }
            case "DescribeStateMachineForExecution" -> {
                ObjectNode out =
                        Shapes.stateMachine(
                                engine.describeStateMachineForExecution(
                                        Shapes.required(r, "executionArn")));
                out.remove(java.util.List.of("status", "type", "creationDate"));
                out.set(
                        "updateDate",
                        Json.NODES.numberNode(
                                Shapes.time(
                                        engine.describeStateMachineForExecution(
                                                        Shapes.required(r, "executionArn"))
                                                .updateDate())));
                yield out;
            }
            case "StartExecution" -> {
                ExecutionDescription d =
                        engine.startExecution(
                                Shapes.required(r, "stateMachineArn"),
                                Shapes.optional(r, "name"),
                                Shapes.optional(r, "input"));
                ObjectNode out = Json.object();
                out.put("executionArn", d.executionArn());
                out.put("startDate", Shapes.time(d.startDate()));
                yield out;
            }
            case "StartSyncExecution" ->
                    Shapes.execution(
                            engine.startSyncExecution(
                                    Shapes.required(r, "stateMachineArn"),
                                    Shapes.optional(r, "name"),
                                    Shapes.optional(r, "input")),
                            true);
            case "DescribeExecution" -> describeExecution(Shapes.required(r, "executionArn"));
            case "ListExecutions" -> listExecutions(r);
            case "GetExecutionHistory" -> history(r);
            case "StopExecution" -> {
                ObjectNode out = Json.object();
                out.put(
                        "stopDate",
                        Shapes.time(
                                engine.stopExecution(
                                        Shapes.required(r, "executionArn"),
                                        Shapes.optional(r, "error"),
                                        Shapes.optional(r, "cause"))));
                yield out;
            }
            case "RedriveExecution" -> {
                ObjectNode out = Json.object();
                out.put(
                        "redriveDate",
                        Shapes.time(engine.redriveExecution(Shapes.required(r, "executionArn"))));
                yield out;
            }
            case "SendTaskSuccess" -> {
                engine.sendTaskSuccess(
                        Shapes.required(r, "taskToken"), Shapes.required(r, "output"));
                yield Json.object();
            }
            case "SendTaskFailure" -> {
                engine.sendTaskFailure(
                        Shapes.required(r, "taskToken"),
                        Shapes.optional(r, "error"),
                        Shapes.optional(r, "cause"));
                yield Json.object();
            }
            case "SendTaskHeartbeat" -> {
                engine.sendTaskHeartbeat(Shapes.required(r, "taskToken"));
                yield Json.object();
            }
            case "ValidateStateMachineDefinition" -> validate(r);
            case "TestState" -> TestStateOperation.run(engine, r);
            default -> other(op, r);
        };
    }

    private JsonNode other(String op, JsonNode r) {
        JsonNode answer = activities.dispatch(op, r);
        if (answer == null) {
            answer = versions.dispatch(op, r);
        }
        if (answer == null) {
            answer = mapRuns.dispatch(op, r);
        }
        if (answer != null) {
            return answer;
        }
        throw new StepFunctionsException(
                "UnknownOperationException",
                "The operation " + op + " is not supported by this local Step Functions");
    }

    private JsonNode create(JsonNode r) {
        String type = Shapes.optional(r, "type").orElse("STANDARD");
        StateMachineType t;
        try {
            t = StateMachineType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Value '" + type + "' at 'type' failed to satisfy constraint");
        }
        StateMachineDescription d =
                engine.createStateMachine(
                        Shapes.required(r, "name"),
                        Shapes.required(r, "definition"),
                        Shapes.required(r, "roleArn"),
                        t);
        ObjectNode out = Json.object();
        out.put("stateMachineArn", d.stateMachineArn());
        out.put("creationDate", Shapes.time(d.creationDate()));
        versions.afterCreate(r, out);
        return out;
    }

    private JsonNode listStateMachines(JsonNode r) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("stateMachines");
        List<StateMachineDescription> all = engine.listStateMachines();
        Page page = Page.of(r, all.size());
        for (StateMachineDescription d : all.subList(page.from(), page.to())) {
            ObjectNode item = list.addObject();
            item.put("stateMachineArn", d.stateMachineArn());
            item.put("name", d.name());
            item.put("type", d.type().name());
            item.put("creationDate", Shapes.time(d.creationDate()));
        }
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    private JsonNode describeExecution(String arn) {
        ObjectNode child = mapRuns.describeChild(arn);
        return child != null ? child : Shapes.execution(engine.describeExecution(arn), false);
    }

    /**
     * AWS API reference ListExecutions: by state machine or by Map Run ({@code mapRunArn}, whose
     * items then carry it), not both.
     */
    private JsonNode listExecutions(JsonNode r) {
        Optional<ExecutionStatus> status =
                Shapes.optional(r, "statusFilter").map(Operations::statusFilter);
        Optional<String> mapRunArn = Shapes.optional(r, "mapRunArn");
        if (mapRunArn.isPresent() && r.hasNonNull("stateMachineArn")) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Only one of stateMachineArn and mapRunArn may be specified");
        }
        List<ExecutionDescription> all =
                mapRunArn.isPresent()
                        ? mapRuns.children(mapRunArn.get()).stream()
                                .filter(d -> status.isEmpty() || d.status() == status.get())
                                .toList()
                        : engine.listExecutions(Shapes.required(r, "stateMachineArn"), status);
        Page page = Page.of(r, all.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("executions");
        all.subList(page.from(), page.to())
                .forEach(
                        d -> {
                            ObjectNode item = Shapes.listedExecution(d);
                            mapRunArn.ifPresent(m -> item.put("mapRunArn", m));
                            list.add(item);
                        });
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    private JsonNode history(JsonNode r) {
        List<HistoryEvent> events =
                new java.util.ArrayList<>(
                        engine.getExecutionHistory(Shapes.required(r, "executionArn")));
        if (r.path("reverseOrder").asBoolean(false)) {
            java.util.Collections.reverse(events);
        }
        boolean includeData = r.path("includeExecutionData").asBoolean(true);
        Page page = Page.of(r, events.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("events");
        events.subList(page.from(), page.to()).forEach(e -> list.add(Shapes.event(e, includeData)));
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    private JsonNode validate(JsonNode r) {
        ValidationResult v = engine.validate(Shapes.required(r, "definition"));
        ObjectNode out = Json.object();
        out.put("result", v.ok() ? "OK" : "FAIL");
        ArrayNode list = out.putArray("diagnostics");
        v.diagnostics()
                .forEach(
                        d -> {
                            ObjectNode item = list.addObject();
                            item.put("severity", d.severity());
                            item.put("code", d.code());
                            item.put("message", d.message());
                            d.location().ifPresent(l -> item.put("location", l));
                        });
        out.put("truncated", false);
        return out;
    }

    /** AWS API reference ListExecutions: an unknown statusFilter is a ValidationException. */
    private static ExecutionStatus statusFilter(String value) {
        for (ExecutionStatus s : ExecutionStatus.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw new StepFunctionsException(
                "ValidationException",
                "1 validation error detected: Value '"
                        + value
                        + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: "
                        + java.util.Arrays.toString(ExecutionStatus.values()));
    }

    /** Offset pagination with {@code maxResults} / {@code nextToken}. */
    record Page(int from, int to, Optional<String> next) {
        static Page of(JsonNode r, int size) {
            // AWS: default page size 100, at most 1000, 0 means the default.
            int max = r.path("maxResults").asInt(0);
            if (max < 0 || max > 1000) {
                throw new StepFunctionsException(
                        "ValidationException",
                        "1 validation error detected: Value '"
                                + max
                                + "' at 'maxResults' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 1000");
            }
            if (max == 0) {
                max = 100;
            }
            int from = 0;
            JsonNode token = r.get("nextToken");
            if (token != null && !token.isNull()) {
                try {
                    from = Integer.parseInt(token.asText());
                } catch (NumberFormatException e) {
                    from = -1;
                }
                if (from < 0) {
                    throw new StepFunctionsException(
                            "InvalidToken", "Invalid Token: '" + token.asText() + "'");
                }
            }
            from = Math.min(from, size);
            int to = Math.min(size, from + max);
            return new Page(
                    from, to, to < size ? Optional.of(Integer.toString(to)) : Optional.empty());
        }
    }
}
