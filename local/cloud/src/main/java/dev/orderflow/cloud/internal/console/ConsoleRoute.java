package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.edge.ProblemAnswers;
import dev.orderflow.cloud.internal.esm.MappingPosition;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local console on the edge: {@code /_console/} serves the page and its assets, {@code
 * /_console/api/...} the JSON it reads. Everything is a GET that changes nothing, except {@code
 * POST /_console/api/queues/{name}/redrive}, which moves one dead-letter message back to its source
 * queue. Problems are {@code application/problem+json}, never a 5xx for a bad request.
 */
public final class ConsoleRoute implements EdgeRouter.LocalRoute {

    /** Where the console lives on the edge. */
    public static final String PATH = "/_console";

    private static final String API = PATH + "/api/";

    private final ConsoleAssets assets = new ConsoleAssets();
    private final ExecutionsView executions;
    private final QueuesView queues;
    private final TablesView tables;
    private final FunctionsView functions;

    ConsoleRoute(
            ExecutionsView executions,
            QueuesView queues,
            TablesView tables,
            FunctionsView functions) {
        this.executions = executions;
        this.queues = queues;
        this.tables = tables;
        this.functions = functions;
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        try {
            if (call.path().startsWith(API)) {
                return json(api(call));
            }
            if (call.path().equals(PATH)) {
                return HttpAnswer.of(302, "text/plain", new byte[0])
                        .withHeader("Location", PATH + "/");
            }
            requireMethod(call, "GET");
            return assets.get(call.path().substring(PATH.length() + 1))
                    .orElseThrow(() -> ConsoleProblem.notFound("no console page " + call.path()));
        } catch (ConsoleProblem p) {
            return problem(p.status(), p.type(), p.getMessage());
        } catch (AwsCallException e) {
            // the engine refused what the console asked: the request named something it rejects
            int status = e.status() >= 400 && e.status() < 500 ? e.status() : 503;
            return problem(status, "service-refused", e.getMessage());
        }
    }

    private JsonNode api(HttpCall call) {
        String[] parts = call.path().substring(API.length()).split("/", -1);
        QueryParams query = new QueryParams(call.query());
        String resource = parts[0];
        if (resource.equals("queues") && parts.length == 3 && parts[2].equals("redrive")) {
            requireMethod(call, "POST");
            requireJson(call);
            return queues.redrive(parts[1], body(call));
        }
        requireMethod(call, "GET");
        return switch (resource + "/" + parts.length) {
            case "executions/1" -> executions.list(query);
            case "execution/1" -> executions.one(query);
            case "map-run/1" -> executions.mapRun(query);
            case "queues/1" -> queues.list();
            case "tables/1" -> tables.list();
            case "functions/1" -> functions.list();
            default -> subResource(parts, query);
        };
    }

    private JsonNode subResource(String[] parts, QueryParams query) {
        if (parts.length == 3 && parts[0].equals("queues") && parts[2].equals("messages")) {
            return queues.peek(parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("tables") && parts[2].equals("items")) {
            return tables.items(parts[1], query);
        }
        if (parts.length == 4 && parts[0].equals("functions") && parts[2].equals("invocations")) {
            return functions.invocation(parts[1], parts[3]);
        }
        if (parts.length == 3 && parts[0].equals("tables") && parts[2].equals("stream")) {
            return tables.stream(parts[1], query);
        }
        throw ConsoleProblem.notFound("no console API at /" + String.join("/", parts));
    }

    private static void requireMethod(HttpCall call, String method) {
        if (!call.method().equals(method)) {
            throw new ConsoleProblem(
                    405, "method-not-allowed", "use " + method + " " + call.path());
        }
    }

    /**
     * The one write takes JSON only: a cross-site form cannot send it without a CORS preflight,
     * which the edge never grants, so another web page cannot redrive through the browser.
     */
    private static void requireJson(HttpCall call) {
        String type = call.header("content-type");
        if (type == null || !type.startsWith("application/json")) {
            throw new ConsoleProblem(
                    415, "unsupported-media-type", "send the body as application/json");
        }
    }

    private static JsonNode body(HttpCall call) {
        try {
            JsonNode body = Json.parse(call.body());
            if (body == null || !body.isObject()) {
                throw ConsoleProblem.badRequest("the body is a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw ConsoleProblem.badRequest("the body is not JSON");
        }
    }

    private static HttpAnswer json(JsonNode body) {
        return HttpAnswer.of(200, "application/json", Json.bytes(body))
                .withHeader("Cache-Control", "no-store");
    }

    private static HttpAnswer problem(int status, String type, String detail) {
        return ProblemAnswers.of(status, type, detail);
    }

    /**
     * Builds the route over the local services' endpoints, the Lambda runtime and where the event
     * source mappings are.
     */
    public static ConsoleRoute over(
            AwsJsonClient stepFunctions,
            AwsJsonClient sqs,
            URI dynamoDbEndpoint,
            LambdaRuntime runtime,
            List<EventSourceMappingSpec> mappings,
            Supplier<List<MappingPosition>> positions) {
        AwsJsonClient streams =
                new AwsJsonClient(
                        dynamoDbEndpoint,
                        "DynamoDBStreams_20120810.",
                        "application/x-amz-json-1.0",
                        "dynamodb");
        return new ConsoleRoute(
                new ExecutionsView(stepFunctions),
                new QueuesView(sqs),
                new TablesView(AwsJsonClient.dynamoDb(dynamoDbEndpoint), streams),
                new FunctionsView(runtime, new MappingsView(mappings, positions, sqs, streams)));
    }
}
