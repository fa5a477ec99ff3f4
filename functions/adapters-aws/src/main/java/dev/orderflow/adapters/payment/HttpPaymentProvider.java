package dev.orderflow.adapters.payment;

import dev.orderflow.adapters.secrets.ApiAccess;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentProvider;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A card-payment API of the common shape, over HTTP (the full contract is in {@code
 * functions/README.md}, "The payment API"):
 *
 * <ul>
 *   <li>{@code POST /v1/payments} with {@code Idempotency-Key} and {@code {amount, currency,
 *       reference}} answers {@code {id, status: succeeded|declined, decline_reason}}; 402 when
 *       declined;
 *   <li>{@code POST /v1/payments/{id}/refunds} with its own {@code Idempotency-Key};
 *   <li>{@code GET /v1/payments?idempotency_key=...} finds a charge (404 when there is none);
 *   <li>409 means a request with the same key is still in progress, 429 and 5xx are transient, and
 *       400, 401, 403 and 404 mean orderflow's request or configuration is wrong.
 * </ul>
 *
 * The charge's idempotency key is derived from the order alone, so every attempt of every retry
 * sends the same key and the provider charges at most once. When a charge times out, the payment
 * may have gone through: the provider is asked for it by key before answering {@code
 * Payment.Timeout}, so a charge that succeeded is reported (and later refundable) rather than lost.
 */
public final class HttpPaymentProvider implements PaymentProvider {

    /** Payment ids go into a URL path: only characters that need no escaping are accepted. */
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final PaymentApiClient api;

    /**
     * @param access where the API is and its key; asked on every request, so a rotated key is
     *     picked up once the supplier's cache expires
     * @param http the client (its connect timeout bounds connecting)
     * @param requestTimeout how long one request may wait for its answer
     */
    public HttpPaymentProvider(
            Supplier<ApiAccess> access, HttpClient http, Duration requestTimeout) {
        this.api = new PaymentApiClient(access, http, requestTimeout);
    }

    /** A provider with its own HTTP/1.1 client bounded by both timeouts. */
    public static HttpPaymentProvider create(
            Supplier<ApiAccess> access, Duration connectTimeout, Duration requestTimeout) {
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        return new HttpPaymentProvider(access, http, requestTimeout);
    }

    /** The charge's idempotency key: the same for every attempt to pay this order. */
    static String chargeKey(OrderId order) {
        return "orderflow-charge-" + order.value();
    }

    /** The refund's idempotency key: one refund per payment, however often it is asked for. */
    static String refundKey(String paymentId) {
        return "orderflow-refund-" + paymentId;
    }

    /**
     * @throws PaymentUnavailable when the provider timed out or failed transiently
     * @throws PaymentRequestRejected when the provider refused the request itself (400/401/403/404)
     */
    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        String key = chargeKey(request.order());
        Map<String, Object> body =
                Map.of(
                        "amount", request.amount().amountMinor(),
                        "currency", request.amount().currency().getCurrencyCode(),
                        "reference", request.order().value());
        PaymentApiClient.Answer answer;
        try {
            answer = api.post("/v1/payments", key, body);
        } catch (HttpTimeoutException timedOut) {
            return lookUpAfterTimeout(key);
        } catch (IOException e) {
            throw new PaymentUnavailable("payment provider unreachable: " + e, false);
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (answer.status() == 402) {
            return declined(answer);
        }
        if (answer.status() == 200 || answer.status() == 201) {
            return outcomeOf(answer);
        }
        throw failureOf(answer, "charge");
    }

    /**
     * The charge's answer did not come in time, but the charge may have been made: the provider
     * knows it by its idempotency key.
     */
    private PaymentOutcome lookUpAfterTimeout(String key) {
        return lookUp(key, "payment provider timed out, and looking the charge up failed: ")
                .orElseThrow(
                        () ->
                                new PaymentUnavailable(
                                        "payment provider timed out before recording the charge",
                                        true));
    }

    /** Asks the provider for the charge made under this order's key, however late it came. */
    @Override
    public Optional<String> findCharge(OrderId order) {
        return lookUp(chargeKey(order), "looking the charge up failed: ")
                .filter(PaymentOutcome.Approved.class::isInstance)
                .map(outcome -> ((PaymentOutcome.Approved) outcome).paymentId());
    }

    /** The outcome of the charge made under {@code key}, or empty if the provider has none. */
    private Optional<PaymentOutcome> lookUp(String key, String failure) {
        PaymentApiClient.Answer found;
        try {
            found =
                    api.get(
                            "/v1/payments?idempotency_key="
                                    + URLEncoder.encode(key, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PaymentUnavailable(failure + e, true);
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (found.status() == 404) {
            return Optional.empty();
        }
        if (found.status() == 200) {
            return Optional.of(outcomeOf(found));
        }
        throw failureOf(found, "payment lookup");
    }

    /**
     * @throws PaymentUnavailable when the provider timed out or failed transiently (the retry sends
     *     the same idempotency key, so it refunds once)
     * @throws PaymentRequestRejected when the provider refused the refund itself, e.g. an unknown
     *     payment
     */
    @Override
    public void refund(OrderId order, String paymentId) {
        if (!PAYMENT_ID.matcher(paymentId).matches()) {
            throw new PaymentRequestRejected(
                    "payment id of order " + order + " is not one this provider issues");
        }
        PaymentApiClient.Answer answer;
        try {
            answer =
                    api.post(
                            "/v1/payments/" + paymentId + "/refunds",
                            refundKey(paymentId),
                            Map.of("reference", order.value()));
        } catch (HttpTimeoutException timedOut) {
            throw new PaymentUnavailable("payment provider timed out refunding " + paymentId, true);
        } catch (IOException e) {
            throw new PaymentUnavailable("payment provider unreachable: " + e, false);
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw failureOf(answer, "refund of " + paymentId);
        }
    }

    private static PaymentOutcome outcomeOf(PaymentApiClient.Answer answer) {
        String status = answer.text("status");
        if ("declined".equals(status)) {
            return declined(answer);
        }
        String id = answer.text("id");
        if ("succeeded".equals(status) && !id.isEmpty()) {
            return new PaymentOutcome.Approved(id);
        }
        // e.g. "processing": the same key asked again later returns the final state
        throw new PaymentUnavailable(
                "payment provider answered a charge with status '" + status + "'", false);
    }

    private static PaymentOutcome declined(PaymentApiClient.Answer answer) {
        String reason = answer.text("decline_reason");
        return new PaymentOutcome.Declined(reason.isEmpty() ? "declined by the provider" : reason);
    }

    /** 409 (same key in progress), 429 and 5xx pass; anything else is orderflow's mistake. */
    private static RuntimeException failureOf(PaymentApiClient.Answer answer, String what) {
        int status = answer.status();
        String error = answer.text("error");
        String detail = what + " answered HTTP " + status + (error.isEmpty() ? "" : " " + error);
        if (status == 409 || status == 429 || status >= 500) {
            return new PaymentUnavailable("payment provider: " + detail, false);
        }
        return new PaymentRequestRejected("payment provider refused the request: " + detail);
    }

    private static PaymentUnavailable interrupted() {
        Thread.currentThread().interrupt();
        return new PaymentUnavailable("interrupted while waiting for the payment provider", false);
    }
}
