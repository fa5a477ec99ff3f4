package dev.orderflow.adapters.shipping;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.shipping.ShipmentOrder;

/**
 * The body of a shipment handed to a warehouse system: {@code
 * {"orderId","centerId","lines":[{"sku","quantity"}],"address":{"country","region","city",
 * "postalCode","street"},"callback":"/warehouse/shipments/<orderId>/<centerId>/events"}}. The
 * callback is a path on the orderflow HTTP API, whose base URL and client credentials the warehouse
 * holds; no task token leaves orderflow.
 */
final class ShipmentJson {

    private ShipmentJson() {}

    /** The callback path of a shipment, as the HTTP API routes it. */
    static String callbackOf(ShipmentOrder order) {
        return "/warehouse/shipments/" + order.orderId() + "/" + order.center().id() + "/events";
    }

    static String of(ShipmentOrder order) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"orderId\":").append(quote(order.orderId().value()));
        json.append(",\"centerId\":").append(quote(order.center().id().value()));
        json.append(",\"lines\":[");
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"sku\":")
                    .append(quote(line.sku().value()))
                    .append(",\"quantity\":")
                    .append(line.quantity())
                    .append('}');
        }
        ShippingAddress a = order.address();
        json.append("],\"address\":{\"country\":").append(quote(a.country()));
        json.append(",\"region\":").append(quote(a.region()));
        json.append(",\"city\":").append(quote(a.city()));
        json.append(",\"postalCode\":").append(quote(a.postalCode()));
        json.append(",\"street\":").append(quote(a.street()));
        json.append("},\"callback\":").append(quote(callbackOf(order)));
        return json.append('}').toString();
    }

    /** A JSON string literal (RFC 8259 section 7), escaped by Jackson. */
    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
