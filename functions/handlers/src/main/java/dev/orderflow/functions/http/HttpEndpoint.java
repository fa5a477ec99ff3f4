package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.functions.observability.HandlerMetrics;
import dev.orderflow.functions.observability.Spans;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What every HTTP handler does around its use case: the origin check (before anything else runs),
 * structured logging context, the single top-level failure mapper, one summary log line and the
 * edge metrics.
 */
public final class HttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final String route;
    private final HandlerMetrics metrics;
    private final OriginCheck origin;

    /**
     * @param route the route key as API Gateway names it, e.g. {@code GET /products}
     * @param metrics where the edge metrics go
     * @param origin refuses requests that did not come through the distribution, before the logic
     *     runs
     */
    public HttpEndpoint(String route, HandlerMetrics metrics, OriginCheck origin) {
        this.route = Objects.requireNonNull(route, "route");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Serves one request with the given logic, never letting an exception escape. */
    public APIGatewayV2HTTPResponse serve(
            APIGatewayV2HTTPEvent event,
            Context context,
            Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> logic) {
        return PowertoolsLogging.withLogging(context, () -> serveLogged(event, context, logic));
    }

    private APIGatewayV2HTTPResponse serveLogged(
            APIGatewayV2HTTPEvent event,
            Context context,
            Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> logic) {
        String requestId = requestId(event, context);
        MDC.put("requestId", requestId);
        metrics.coldStart(context);
        APIGatewayV2HTTPResponse response;
        try {
            Optional<Problem> refused = origin.refusal(event, requestId);
            if (refused.isPresent()) {
                metrics.count("OriginRefused", 1);
                response = HttpResponses.problem(refused.get());
            } else {
                response =
                        Spans.inSpan(route, Map.of("http.route", route), () -> logic.apply(event));
            }
        } catch (RuntimeException failure) {
            response = HttpResponses.problem(ProblemMapper.toProblem(failure, requestId));
        }
        int status = response.getStatusCode();
        metrics.count("Requests", 1);
        metrics.count("ServerErrors", status >= 500 ? 1 : 0);
        metrics.count("ClientErrors", status >= 400 && status < 500 ? 1 : 0);
        metrics.flush();
        LOG.info("{} -> {}", route, status);
        MDC.remove("requestId");
        return response;
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event != null
                && event.getRequestContext() != null
                && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context.getAwsRequestId();
    }
}
