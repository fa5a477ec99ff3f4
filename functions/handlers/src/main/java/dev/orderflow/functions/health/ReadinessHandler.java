package dev.orderflow.functions.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.health.CheckReadiness;
import dev.orderflow.domain.health.DependencyCheck;
import dev.orderflow.domain.health.ReadinessReport;
import dev.orderflow.functions.http.HttpEndpoint;
import dev.orderflow.functions.http.Json;
import dev.orderflow.functions.http.OriginCheck;
import dev.orderflow.functions.http.Problem;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.wiring.AwsWiring;
import dev.orderflow.functions.wiring.ReadinessWiring;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health/ready}: readiness of this region, what its Route 53 health check asks. Unlike
 * {@code GET /health} (liveness, no dependency) it probes the region's own tables and the saga's
 * state machine, cached 10 s per execution environment ({@link CheckReadiness}). 200 with every
 * check {@code UP}; otherwise 503 {@code not-ready} naming each check, the one 5xx that is an
 * answer rather than a failure: DNS withdraws the region while it lasts.
 */
public final class ReadinessHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessHandler.class);

    static final URI NOT_READY = URI.create(Problem.TYPE_BASE + "not-ready");

    record ReadyJson(String status, Map<String, String> checks) {}

    /** RFC 9457 problem details with the readiness checks as an extension member. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NotReadyProblem(
            URI type,
            String title,
            int status,
            String detail,
            String instance,
            Map<String, String> checks) {}

    private final HttpEndpoint endpoint;
    private final CheckReadiness readiness;
    private final HandlerMetrics metrics;

    /** For Lambda. */
    public ReadinessHandler() {
        this(ReadinessWiring.checkReadiness(), AwsWiring.metrics(), AwsWiring.originCheck());
    }

    /** With its ports: the Lambda constructor passes the real ones, tests pass fakes. */
    public ReadinessHandler(CheckReadiness readiness, HandlerMetrics metrics) {
        this(readiness, metrics, OriginCheck.none());
    }

    /** With the check that the request came through the region's CloudFront distribution. */
    public ReadinessHandler(CheckReadiness readiness, HandlerMetrics metrics, OriginCheck origin) {
        this.endpoint = new HttpEndpoint("GET /health/ready", metrics, origin);
        this.readiness = readiness;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(
                event, context, e -> answer(readiness.report(), requestId(e, context)));
    }

    private APIGatewayV2HTTPResponse answer(ReadinessReport report, String requestId) {
        Map<String, String> checks = new LinkedHashMap<>();
        report.checks().forEach(check -> checks.put(check.name(), check.state().name()));
        metrics.count("DependenciesDown", report.down().size());
        if (report.ready()) {
            return response(200, "application/json", new ReadyJson("READY", checks));
        }
        // Why each one is down is for operators, in the log; callers see only which.
        LOG.warn(
                "not ready (checked at {}): {}",
                report.checkedAt(),
                report.down().stream()
                        .map(DependencyCheck::reason)
                        .collect(Collectors.joining("; ")));
        return response(
                503,
                "application/problem+json",
                new NotReadyProblem(
                        NOT_READY,
                        "Not ready",
                        503,
                        "A dependency of this region is down: "
                                + report.down().stream()
                                        .map(DependencyCheck::name)
                                        .collect(Collectors.joining(", "))
                                + ". Use another region or try again shortly.",
                        requestId,
                        checks));
    }

    /** Never cached by CloudFront or a client: each answer is this moment's (at most 10 s old). */
    private static APIGatewayV2HTTPResponse response(int status, String contentType, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", contentType, "Cache-Control", "no-store"))
                .withBody(Json.write(body))
                .build();
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context.getAwsRequestId();
    }
}
