package dev.orderflow.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.adapters.secrets.ApiAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A card-payment API on a loopback port that really keeps payments and refunds by idempotency key,
 * as a provider does: the same key replays the first answer, a second refund key for a refunded
 * payment is refused. Tests script transient failures and hold answers back to provoke timeouts.
 */
final class FakePaymentApi implements AutoCloseable {

    /** Where a held charge waits: before it is recorded, or after (the answer is what is late). */
    enum Hold {
        BEFORE_RECORDING,
        AFTER_RECORDING
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, ObjectNode> paymentsByKey = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> paymentsById = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refundsByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refundsByPayment = new ConcurrentHashMap<>();
    private final Map<Long, String> declinedAmounts = new ConcurrentHashMap<>();
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Deque<Integer> scriptedFailures = new ArrayDeque<>();
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile Hold hold;

    FakePaymentApi(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/payments", this::serve);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ApiAccess access() {
        return new ApiAccess(baseUrl(), apiKey);
    }

    /** Charges of this amount are declined with this reason. */
    void decline(long amountMinor, String reason) {
        declinedAmounts.put(amountMinor, reason);
    }

    /** The next charge requests fail with these statuses, before anything is charged. */
    synchronized void failNextCharges(Integer... statuses) {
        scriptedFailures.addAll(java.util.List.of(statuses));
    }

    /** Holds the next new charge until {@link #releaseHeldCharge()} (or close). */
    void holdNextCharge(Hold where) {
        hold = where;
    }

    void releaseHeldCharge() {
        release.countDown();
    }

    /** Waits until the held charge was recorded. */
    boolean awaitRecorded() throws InterruptedException {
        return recorded.await(10, TimeUnit.SECONDS);
    }

    /** Payments made (approved or declined), not counting replays. */
    int charges() {
        return charges.get();
    }

    int lookups() {
        return lookups.get();
    }

    int refundsOf(String paymentId) {
        AtomicInteger count = refundsByPayment.get(paymentId);
        return count == null ? 0 : count.get();
    }

    JsonNode paymentByKey(String idempotencyKey) {
        return paymentsByKey.get(idempotencyKey);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + apiKey)
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error("invalid_api_key"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && "/v1/payments".equals(path)) {
                charge(exchange);
            } else if ("GET".equals(method) && "/v1/payments".equals(path)) {
                lookUp(exchange);
            } else if ("POST".equals(method) && path.matches("/v1/payments/[^/]+/refunds")) {
                refund(exchange, path.split("/", -1)[3]);
            } else {
                answer(exchange, 404, error("not_found"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void charge(HttpExchange exchange) throws IOException, InterruptedException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Integer failure = nextFailure();
        if (key == null || failure != null) {
            answer(exchange, key == null ? 400 : failure, error("scripted_or_missing_key"));
            return;
        }
        if (inProgress.contains(key)) {
            answer(exchange, 409, error("idempotency_key_in_use"));
            return;
        }
        ObjectNode earlier = paymentsByKey.get(key);
        if (earlier != null) {
            boolean same =
                    earlier.get("amount").equals(body.get("amount"))
                            && earlier.get("currency").equals(body.get("currency"));
            answer(exchange, same ? statusOf(earlier) : 400, same ? earlier : error("key_reused"));
            return;
        }
        Hold held = hold;
        hold = null;
        if (held == Hold.BEFORE_RECORDING) {
            inProgress.add(key);
            release.await(10, TimeUnit.SECONDS);
        }
        ObjectNode payment = record(key, body);
        if (held == Hold.AFTER_RECORDING) {
            release.await(10, TimeUnit.SECONDS);
        }
        answer(exchange, statusOf(payment), payment);
    }

    private synchronized ObjectNode record(String key, JsonNode body) {
        ObjectNode payment = JSON.createObjectNode();
        payment.put("id", "pay_" + charges.incrementAndGet() + "_" + server.hashCode());
        payment.set("amount", body.get("amount"));
        payment.set("currency", body.get("currency"));
        payment.set("reference", body.get("reference"));
        String declined = declinedAmounts.get(body.get("amount").asLong());
        payment.put("status", declined == null ? "succeeded" : "declined");
        if (declined != null) {
            payment.put("decline_reason", declined);
        }
        paymentsByKey.put(key, payment);
        inProgress.remove(key);
        paymentsById.put(payment.get("id").asText(), payment);
        recorded.countDown();
        return payment;
    }

    private void lookUp(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        String key =
                query != null && query.startsWith("idempotency_key=")
                        ? URLDecoder.decode(query.substring(16), StandardCharsets.UTF_8)
                        : "";
        ObjectNode payment = paymentsByKey.get(key);
        answer(exchange, payment == null ? 404 : 200, payment == null ? error("none") : payment);
    }

    private void refund(HttpExchange exchange, String paymentId) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        exchange.getRequestBody().readAllBytes();
        ObjectNode payment = paymentsById.get(paymentId);
        if (key == null || payment == null) {
            answer(exchange, key == null ? 400 : 404, error("no_such_payment"));
            return;
        }
        ObjectNode earlier = refundsByKey.get(key);
        if (earlier != null) {
            answer(exchange, 200, earlier);
            return;
        }
        synchronized (this) {
            if (refundsOf(paymentId) > 0) {
                answer(exchange, 400, error("charge_already_refunded"));
                return;
            }
            ObjectNode refund = JSON.createObjectNode();
            refund.put("id", "re_" + paymentId);
            refund.put("payment", paymentId);
            refund.put("status", "succeeded");
            refundsByKey.put(key, refund);
            refundsByPayment.computeIfAbsent(paymentId, p -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 201, refund);
        }
    }

    private synchronized Integer nextFailure() {
        return scriptedFailures.poll();
    }

    private static int statusOf(JsonNode payment) {
        return "declined".equals(payment.get("status").asText()) ? 402 : 201;
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("error", code);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: the charge stands all the same
        }
    }
}
