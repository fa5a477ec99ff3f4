package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.ApiOperations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated bad requests to every route {@code api/openapi.yaml} documents, over real HTTP through
 * the local HTTP API gateway: each must be answered with a 4xx {@code application/problem+json}
 * (or, where API Gateway answers itself, with its exact shape), never a 5xx or a timeout, and the
 * API must still serve good requests afterwards. Seeded: {@code -Dfuzz.seed=N} replays or varies a
 * run; {@code -Dfuzz.perRoute=N} sets the requests per route.
 */
class HttpApiFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiFuzzIT.class);
    private static final long SEED = Long.getLong("fuzz.seed", 19L);
    private static final int PER_ROUTE = Integer.getInteger("fuzz.perRoute", 150);
    private static final Pattern PROBLEM_TYPE =
            Pattern.compile("https://orderflow\\.dev/problems/[a-z]+(-[a-z]+)*");

    private static LocalCloud cloud;
    private static List<Operation> operations;
    private static ProbeClient client;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
        operations = ApiOperations.read(SharedCloud.REPO);
        client = new ProbeClient(cloud.gatewayEndpoint());
    }

    @Test
    void everyRoute_answersEveryGeneratedBadRequestWithA4xxProblem_andKeepsServing()
            throws Exception {
        LOG.info("HttpApiFuzzIT seed {} (-Dfuzz.seed={} replays this run)", SEED, SEED);
        Random random = new Random(SEED);
        BadTokens tokens = new BadTokens(cloud, "fuzz-" + SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            List<Probe> probes = new BadRequests(op, tokens).draw(random, PER_ROUTE);
            for (Probe probe : probes) {
                ProbeClient.Answer answer = client.send(probe);
                String wrong = verdict(probe, answer);
                if (wrong != null) {
                    failures.add(op.routeKey() + " " + probe.label() + ": " + wrong);
                }
                if (++sent % 100 == 0) {
                    assertThat(health().status())
                            .as("health after %d requests", sent)
                            .isEqualTo(200);
                }
            }
            LOG.info("{}: {} bad requests", op.routeKey(), probes.size());
        }
        LOG.info(
                "HttpApiFuzzIT seed {}: {} requests, {} wrong answers",
                SEED,
                sent,
                failures.size());

        assertThat(operations).hasSizeGreaterThanOrEqualTo(14);
        assertThat(sent).isGreaterThan(1_500);
        assertThat(failures).as("seed " + SEED).isEmpty();
        for (Operation op : operations) {
            if (op.method().equals("GET")) {
                ProbeClient.Answer answer = client.send(new BadRequests(op, tokens).good());
                assertThat(answer.status()).as(op.routeKey() + " " + answer.body()).isLessThan(500);
                if (op.params("path").isEmpty()) {
                    assertThat(answer.status()).as(op.routeKey()).isEqualTo(200);
                }
            }
        }
    }

    private static ProbeClient.Answer health() throws Exception {
        return client.send(
                new Probe(
                        "health",
                        "GET",
                        "/health",
                        java.util.Map.of(),
                        new byte[0],
                        Probe.Expect.PROBLEM));
    }

    /** Why the answer is wrong for the probe, or null when it is right. */
    static String verdict(Probe probe, ProbeClient.Answer answer) {
        if (answer.failure() != null) {
            return "no answer: " + answer.failure();
        }
        String problem = problem(answer);
        String gateway = gatewayMessage(answer);
        String wrong =
                switch (probe.expect()) {
                    case PROBLEM -> problem;
                    case PROBLEM_OR_GATEWAY -> problem == null || gateway == null ? null : problem;
                    case UNAUTHORIZED_WITHOUT_TOKEN -> exactly(answer, 401, "Unauthorized");
                    case UNAUTHORIZED_TOKEN -> {
                        String shape = exactly(answer, 401, "Unauthorized");
                        yield shape != null
                                        || answer.wwwAuthenticate() == null
                                        || !answer.wwwAuthenticate()
                                                .startsWith(
                                                        "Bearer scope=\"\" error=\"invalid_token\""
                                                                + " error_description=\"")
                                ? "not the authorizer's 401 with www-authenticate: "
                                        + describe(answer)
                                : null;
                    }
                    case FORBIDDEN -> exactly(answer, 403, "Forbidden");
                };
        return wrong;
    }

    /** Null when the answer is a 4xx problem+json whose body agrees with its status. */
    private static String problem(ProbeClient.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "status " + describe(answer);
        }
        if (answer.contentType() == null
                || !answer.contentType().startsWith("application/problem+json")) {
            return "not problem+json: " + describe(answer);
        }
        JsonNode body;
        try {
            body = SagaFixture.json(answer.body());
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + describe(answer);
        }
        if (body.path("status").asInt() != answer.status()
                || !PROBLEM_TYPE.matcher(body.path("type").asText()).matches()
                || body.path("title").asText().isEmpty()) {
            return "malformed problem: " + describe(answer);
        }
        return null;
    }

    /** Null when the answer is API Gateway's own 4xx {@code {"message":"..."}}. */
    private static String gatewayMessage(ProbeClient.Answer answer) {
        boolean shaped =
                answer.status() >= 400
                        && answer.status() <= 499
                        && "application/json".equals(answer.contentType())
                        && answer.body().matches("\\{\"message\":\"[A-Za-z ]+\"}");
        return shaped ? null : "not API Gateway's own 4xx: " + describe(answer);
    }

    private static String exactly(ProbeClient.Answer answer, int status, String message) {
        boolean exact =
                answer.status() == status
                        && "application/json".equals(answer.contentType())
                        && answer.body().equals("{\"message\":\"" + message + "\"}");
        return exact ? null : "expected API Gateway's " + status + ": " + describe(answer);
    }

    private static String describe(ProbeClient.Answer answer) {
        String body = answer.body();
        return answer.status()
                + " "
                + answer.contentType()
                + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
