package dev.orderflow.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.adapters.secrets.ApiAccess;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentRequestRejected;
import dev.orderflow.domain.payment.PaymentUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP payment provider against a payment API served on a loopback port. */
class HttpPaymentProviderTest {

    private static final String API_KEY = "sk_test_orderflow";

    /**
     * Short enough to keep the timeout tests quick, long enough for a cold JVM's first call on a
     * busy machine (a held answer waits for the test, not for a clock).
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    /**
     * For the tests that hold a charge until it times out: they wait this long each. The calls
     * after it are warm loopback calls.
     */
    private static final Duration HELD_REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final FakePaymentApi api = new FakePaymentApi(API_KEY);
    private final HttpPaymentProvider provider = providerFor(api.access(), REQUEST_TIMEOUT);
    private final HttpPaymentProvider timingOut = providerFor(api.access(), HELD_REQUEST_TIMEOUT);
    private final OrderId order = OrderId.random();

    HttpPaymentProviderTest() throws IOException {}

    @AfterEach
    void stop() {
        api.close();
    }

    private static HttpPaymentProvider providerFor(ApiAccess access, Duration requestTimeout) {
        return HttpPaymentProvider.create(() -> access, Duration.ofSeconds(2), requestTimeout);
    }

    private PaymentOutcome charge(long minor, int attempt) {
        return charge(provider, minor, attempt);
    }

    private PaymentOutcome charge(HttpPaymentProvider by, long minor, int attempt) {
        return by.charge(new ChargeRequest(order, Money.ofMinor(minor, "EUR"), attempt));
    }

    private String approvedId(PaymentOutcome outcome) {
        assertThat(outcome).isInstanceOf(PaymentOutcome.Approved.class);
        return ((PaymentOutcome.Approved) outcome).paymentId();
    }

    @Test
    void charge_approves_andSendsTheOrdersAmountUnderAKeyDerivedFromTheOrder() {
        String id = approvedId(charge(2500, 0));

        var payment = api.paymentByKey("orderflow-charge-" + order.value());
        assertThat(payment.get("id").asText()).isEqualTo(id);
        assertThat(payment.get("amount").asLong()).isEqualTo(2500);
        assertThat(payment.get("currency").asText()).isEqualTo("EUR");
        assertThat(payment.get("reference").asText()).isEqualTo(order.value());
        assertThat(api.charges()).isEqualTo(1);
    }

    @Test
    void charge_againForTheSameOrder_returnsTheFirstPayment_withoutChargingTwice() {
        String first = approvedId(charge(2500, 0));
        String again = approvedId(charge(2500, 1));

        assertThat(again).isEqualTo(first);
        assertThat(api.charges()).isEqualTo(1);
    }

    @Test
    void charge_declined_isADeclineWithTheProvidersReason() {
        api.decline(1999, "insufficient_funds");

        assertThat(charge(1999, 0)).isEqualTo(new PaymentOutcome.Declined("insufficient_funds"));
    }

    @ParameterizedTest
    @ValueSource(ints = {503, 500, 429, 409})
    void charge_transientFailure_isRetryable_andTheRetryChargesOnce(int status) {
        api.failNextCharges(status);

        assertThatThrownBy(() -> charge(2500, 0))
                .isInstanceOfSatisfying(
                        PaymentUnavailable.class,
                        e -> assertThat(e.errorName()).isEqualTo("Payment.Unavailable"));
        String id = approvedId(charge(2500, 1));

        assertThat(api.charges()).isEqualTo(1);
        assertThat(approvedId(charge(2500, 2))).isEqualTo(id);
    }

    @Test
    void charge_timingOutAfterTheChargeWentThrough_findsThatPayment_andNeverChargesTwice()
            throws InterruptedException {
        api.holdNextCharge(FakePaymentApi.Hold.AFTER_RECORDING);

        String id = approvedId(charge(timingOut, 2500, 0));

        assertThat(api.lookups()).as("the charge was looked up after the timeout").isEqualTo(1);
        assertThat(api.charges()).isEqualTo(1);
        api.releaseHeldCharge();
        assertThat(approvedId(charge(2500, 1))).isEqualTo(id);
        assertThat(api.charges()).isEqualTo(1);
    }

    @Test
    void charge_timingOutBeforeTheChargeWasRecorded_isATimeout_andTheRetryFindsTheLateCharge()
            throws InterruptedException {
        api.holdNextCharge(FakePaymentApi.Hold.BEFORE_RECORDING);

        assertThatThrownBy(() -> charge(timingOut, 2500, 0))
                .isInstanceOfSatisfying(
                        PaymentUnavailable.class,
                        e -> assertThat(e.errorName()).isEqualTo("Payment.Timeout"));
        assertThatThrownBy(() -> charge(2500, 1))
                .as("the provider still works on the first request: 409, retry later")
                .isInstanceOf(PaymentUnavailable.class);
        api.releaseHeldCharge();
        assertThat(api.awaitRecorded()).isTrue();

        approvedId(charge(2500, 2));
        assertThat(api.charges()).isEqualTo(1);
    }

    @Test
    void findCharge_findsACharge_theProviderRecordedAfterEveryAttemptGaveUp()
            throws InterruptedException {
        api.holdNextCharge(FakePaymentApi.Hold.BEFORE_RECORDING);
        assertThatThrownBy(() -> charge(timingOut, 2500, 0)).isInstanceOf(PaymentUnavailable.class);
        assertThat(provider.findCharge(order)).as("nothing recorded yet").isEmpty();

        api.releaseHeldCharge();
        assertThat(api.awaitRecorded()).isTrue();

        String id = provider.findCharge(order).orElseThrow();
        provider.refund(order, id);
        assertThat(api.refundsOf(id)).isEqualTo(1);
        assertThat(api.charges()).isEqualTo(1);
    }

    @Test
    void charge_withAWrongApiKey_isRejectedForGood_withoutTheKeyInTheMessage() {
        HttpPaymentProvider wrongKey =
                providerFor(new ApiAccess(api.baseUrl(), "sk_test_revoked"), REQUEST_TIMEOUT);

        assertThatThrownBy(
                        () ->
                                wrongKey.charge(
                                        new ChargeRequest(order, Money.ofMinor(2500, "EUR"), 0)))
                .isInstanceOf(PaymentRequestRejected.class)
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_api_key")
                .hasMessageNotContaining("sk_test");
        assertThat(api.charges()).isZero();
    }

    @Test
    void charge_whenNothingListens_isUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpPaymentProvider nowhere =
                providerFor(
                        new ApiAccess(URI.create("http://127.0.0.1:" + port), API_KEY),
                        REQUEST_TIMEOUT);

        assertThatThrownBy(
                        () -> nowhere.charge(new ChargeRequest(order, Money.ofMinor(1, "EUR"), 0)))
                .isInstanceOfSatisfying(
                        PaymentUnavailable.class,
                        e -> assertThat(e.errorName()).isEqualTo("Payment.Unavailable"));
    }

    @Test
    void refund_givesThePaymentBack() {
        String id = approvedId(charge(2500, 0));

        provider.refund(order, id);

        assertThat(api.refundsOf(id)).isEqualTo(1);
    }

    @Test
    void refund_twice_refundsOnce() {
        String id = approvedId(charge(2500, 0));

        provider.refund(order, id);
        provider.refund(order, id);

        assertThat(api.refundsOf(id)).isEqualTo(1);
    }

    @Test
    void refund_ofAPaymentTheProviderDoesNotKnow_isRejectedForGood() {
        assertThatThrownBy(() -> provider.refund(order, "pay_unknown"))
                .isInstanceOf(PaymentRequestRejected.class)
                .hasMessageContaining("404");
    }

    @Test
    void refund_ofAnIdThatCannotBeAPaymentId_isRejectedWithoutARequest() {
        assertThatThrownBy(() -> provider.refund(order, "../../v1/payments"))
                .isInstanceOf(PaymentRequestRejected.class);
        assertThat(api.lookups()).isZero();
    }
}
