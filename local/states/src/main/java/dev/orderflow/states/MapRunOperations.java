package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.MapRunCounts;
import dev.orderflow.states.api.MapRunDescription;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DescribeMapRun, ListMapRuns, UpdateMapRun, and the Map Run parts of ListExecutions ({@code
 * mapRunArn}) and DescribeExecution (a child execution's {@code mapRunArn}), as the AWS Step
 * Functions API Reference describes them.
 */
final class MapRunOperations {
    private final MapRuns mapRuns;

    MapRunOperations(MapRuns mapRuns) {
        this.mapRuns = mapRuns;
    }

    /** The answer to {@code op}, or null when it is not a Map Run operation. */
    JsonNode dispatch(String op, JsonNode r) {
        return switch (op) {
            case "DescribeMapRun" -> describe(mapRuns.describe(Shapes.required(r, "mapRunArn")));
            case "ListMapRuns" -> list(r);
            case "UpdateMapRun" -> update(r);
            default -> null;
        };
    }

    private static ObjectNode describe(MapRunDescription d) {
        ObjectNode out = Json.object();
        out.put("mapRunArn", d.mapRunArn());
        out.put("executionArn", d.executionArn());
        out.put("status", d.status());
        out.put("startDate", Shapes.time(d.startDate()));
        d.stopDate().ifPresent(s -> out.put("stopDate", Shapes.time(s)));
        out.put("maxConcurrency", d.maxConcurrency());
        out.put("toleratedFailurePercentage", (float) d.toleratedFailurePercentage());
        out.put("toleratedFailureCount", d.toleratedFailureCount());
        counts(out.putObject("itemCounts"), d.itemCounts());
        counts(out.putObject("executionCounts"), d.executionCounts());
        out.put("redriveCount", d.redriveCount());
        d.redriveDate().ifPresent(r -> out.put("redriveDate", Shapes.time(r)));
        return out;
    }

    private static void counts(ObjectNode out, MapRunCounts c) {
        out.put("pending", c.pending());
        out.put("running", c.running());
        out.put("succeeded", c.succeeded());
        out.put("failed", c.failed());
        out.put("timedOut", c.timedOut());
        out.put("aborted", c.aborted());
        out.put("total", c.total());
        out.put("resultsWritten", c.resultsWritten());
    }

    private JsonNode list(JsonNode r) {
        List<MapRunDescription> all = mapRuns.list(Shapes.required(r, "executionArn"));
        Operations.Page page = Operations.Page.of(r, all.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("mapRuns");
        for (MapRunDescription d : all.subList(page.from(), page.to())) {
            ObjectNode item = list.addObject();
            item.put("executionArn", d.executionArn());
            item.put("mapRunArn", d.mapRunArn());
            item.put("stateMachineArn", d.stateMachineArn());
            item.put("startDate", Shapes.time(d.startDate()));
            d.stopDate().ifPresent(s -> item.put("stopDate", Shapes.time(s)));
        }
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    /**
     * UpdateMapRun: the ranges are the API reference's (maxConcurrency, tolerances >= 0, <= 100).
     */
    private JsonNode update(JsonNode r) {
        String arn = Shapes.required(r, "mapRunArn");
        List<String> errors = new ArrayList<>();
        Optional<Integer> concurrency =
                number(r, "maxConcurrency")
                        .map(v -> (int) atLeastZero(v, "maxConcurrency", errors));
        Optional<Long> count =
                number(r, "toleratedFailureCount")
                        .map(v -> (long) atLeastZero(v, "toleratedFailureCount", errors));
        Optional<Double> percentage =
                number(r, "toleratedFailurePercentage")
                        .map(v -> atLeastZero(v, "toleratedFailurePercentage", errors));
        if (percentage.isPresent() && percentage.get() > 100) {
            errors.add(
                    constraint(
                            r.get("toleratedFailurePercentage"),
                            "toleratedFailurePercentage",
                            "less than or equal to 100"));
        }
        if (!errors.isEmpty()) {
            throw new StepFunctionsException(
                    "ValidationException",
                    errors.size()
                            + (errors.size() == 1 ? " validation error" : " validation errors")
                            + " detected: "
                            + String.join("; ", errors));
        }
        mapRuns.update(arn, concurrency, count, percentage);
        return Json.object();
    }

    private static Optional<Double> number(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asDouble());
    }

    private static double atLeastZero(double v, String field, List<String> errors) {
        if (v < 0) {
            errors.add(constraint(Json.NODES.numberNode(v), field, "greater than or equal to 0"));
        }
        return v;
    }

    private static String constraint(JsonNode value, String field, String bound) {
        String shown =
                value.isNumber() && value.asDouble() == Math.rint(value.asDouble())
                        ? Long.toString(value.asLong())
                        : value.asText();
        return "Value '"
                + shown
                + "' at '"
                + field
                + "' failed to satisfy constraint: Member must have value "
                + bound;
    }

    /** ListExecutions with {@code mapRunArn}: the Map Run's child executions, newest first. */
    List<ExecutionDescription> children(String mapRunArn) {
        return mapRuns.childExecutions(mapRunArn);
    }

    /** DescribeExecution of a child execution, with its {@code mapRunArn}; null otherwise. */
    ObjectNode describeChild(String executionArn) {
        return mapRuns.childExecution(executionArn)
                .map(
                        c -> {
                            ObjectNode out = Shapes.execution(c.execution(), false);
                            out.put("mapRunArn", c.mapRunArn());
                            return out;
                        })
                .orElse(null);
    }
}
