package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.order.Allocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One reserved line: what an order's reservation record stores and a release gives back. The record
 * names the shard only when it is not 0, so records written before stock was sharded read as shard
 * 0, which is where their units are.
 */
record ReservedLine(String sku, String centerId, int shard, int quantity) {

    static ReservedLine of(ReservedUnits units) {
        return new ReservedLine(
                units.sku().value(), units.center().value(), units.shard(), units.units());
    }

    /** The line's stock shard row in the inventory table. */
    Map<String, AttributeValue> key() {
        return InventoryLayout.key(sku, centerId, shard);
    }

    AttributeValue toAttribute() {
        Map<String, AttributeValue> line = new HashMap<>();
        line.put("sku", AttributeValue.fromS(sku));
        line.put("centerId", AttributeValue.fromS(centerId));
        line.put("quantity", AttributeValue.fromN(Integer.toString(quantity)));
        if (shard != 0) {
            line.put("shard", AttributeValue.fromN(Integer.toString(shard)));
        }
        return AttributeValue.fromM(line);
    }

    static ReservedLine fromAttribute(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new ReservedLine(
                m.get("sku").s(),
                m.get("centerId").s(),
                InventoryRows.count(m, "shard"),
                Integer.parseInt(m.get("quantity").n()));
    }

    /** The reserved lines as an allocation: one shipment per center, in the lines' order. */
    static Allocation allocationOf(List<ReservedLine> lines) {
        return Reservation.of(
                        lines.stream()
                                .map(
                                        line ->
                                                new ReservedUnits(
                                                        new Sku(line.sku()),
                                                        new CenterId(line.centerId()),
                                                        line.shard(),
                                                        line.quantity()))
                                .toList())
                .allocation();
    }
}
