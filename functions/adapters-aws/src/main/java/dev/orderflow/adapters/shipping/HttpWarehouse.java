package dev.orderflow.adapters.shipping;

import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import dev.orderflow.domain.shipping.Warehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Hands a shipment to its center's warehouse system over HTTP: {@code POST {endpoint}/shipments}
 * with an {@code Idempotency-Key} of order and center (a redelivered request must not create a
 * second shipment) and the body {@link ShipmentJson} writes. The warehouse reports later through
 * the callback the body names, so the saga step keeps waiting.
 *
 * <ul>
 *   <li>2xx: accepted (a repeat of an accepted key is accepted again);
 *   <li>409, 422: the center cannot pick it (the reason carries the start of the body);
 *   <li>anything else, a timeout or an I/O failure: {@link DependencyUnavailable}, so the message
 *       is retried and, after its redrive count, parked in the alarmed dead-letter queue.
 * </ul>
 */
public final class HttpWarehouse implements Warehouse {

    /** The longest part of a refusal's body kept in the reason. */
    static final int MAX_REASON_BODY = 200;

    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param http a client with a connect timeout; one per execution environment
     * @param requestTimeout how long one request may take in all, well inside the worker's own
     *     timeout
     */
    public HttpWarehouse(HttpClient http, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * @throws IllegalArgumentException if the center states no endpoint (a routing bug)
     */
    @Override
    public PickOutcome pickAndPack(ShipmentOrder order, Progress progress) {
        if (!(order.center().warehouse() instanceof WarehouseLink.Endpoint endpoint)) {
            throw new IllegalArgumentException(
                    "center " + order.center().id() + " states no warehouse endpoint");
        }
        HttpRequest request =
                HttpRequest.newBuilder(shipmentsOf(endpoint.url()))
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", idempotencyKeyOf(order))
                        .POST(HttpRequest.BodyPublishers.ofString(ShipmentJson.of(order)))
                        .build();
        HttpResponse<String> response = send(request, order);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new PickOutcome.Accepted();
        }
        if (status == 409 || status == 422) {
            return new PickOutcome.CannotPick(
                    "warehouse of center "
                            + order.center().id()
                            + " refused the shipment ("
                            + status
                            + "): "
                            + excerpt(response.body()));
        }
        throw new DependencyUnavailable(
                dependencyOf(order), new IOException("the warehouse answered " + status));
    }

    /** Same order and center, same key: what makes a redelivered request harmless. */
    static String idempotencyKeyOf(ShipmentOrder order) {
        return order.orderId().value() + ":" + order.center().id().value();
    }

    static URI shipmentsOf(URI endpoint) {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "shipments");
    }

    private HttpResponse<String> send(HttpRequest request, ShipmentOrder order) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // HttpTimeoutException and HttpConnectTimeoutException are IOExceptions too.
            throw new DependencyUnavailable(dependencyOf(order), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailable(dependencyOf(order), e);
        }
    }

    private static String dependencyOf(ShipmentOrder order) {
        return "warehouse system of center " + order.center().id();
    }

    /** The start of a body, on one line, for a reason a person reads. */
    static String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("\\p{Cntrl}+", " ").strip();
        if (line.isEmpty()) {
            return "no reason given";
        }
        return line.length() <= MAX_REASON_BODY ? line : line.substring(0, MAX_REASON_BODY) + "…";
    }
}
