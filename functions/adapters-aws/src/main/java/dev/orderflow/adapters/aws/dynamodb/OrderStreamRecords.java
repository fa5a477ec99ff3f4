package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.region.AwsRegion;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the orders table's stream, whose records carry the table's own key layout: the insert of an
 * order item ({@code sk = ORDER}) is a placed order; everything else in an order's collection
 * (events, shipments, reservations, updates, removals) is not.
 */
public final class OrderStreamRecords {

    private OrderStreamRecords() {}

    /**
     * The order a stream record places, if it places one.
     *
     * @param eventName the record's {@code eventName}: {@code INSERT}, {@code MODIFY} or {@code
     *     REMOVE}
     * @param keys the record's string key attributes, by attribute name
     * @throws InvalidInput if an inserted order item's partition key is not {@code ORDER#<orderId>}
     */
    public static Optional<OrderId> placedOrder(String eventName, Map<String, String> keys) {
        if (!"INSERT".equals(eventName) || !OrderItem.SK.equals(keys.get("sk"))) {
            return Optional.empty();
        }
        String pk = keys.getOrDefault("pk", "");
        return Optional.of(
                OrderKeys.order(pk)
                        .orElseThrow(() -> InvalidInput.of("pk", "must be ORDER#<orderId>")));
    }

    /**
     * The home region of the order item a stream record carries, from its new image (an insert or
     * update) or else its old image (a removal); empty when the record is not about an order item
     * or the order has no home (placed before orders had one), which every region treats as its
     * own.
     *
     * @throws InvalidInput if the item's home region is not an AWS region name
     */
    public static Optional<AwsRegion> homeRegionOf(
            Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        Map<String, AttributeValue> image = newImage.isEmpty() ? oldImage : newImage;
        return OrderItem.homeRegion(image);
    }

    /** Who TTL's deletes name in a stream record ("DynamoDB Streams and Time to Live"). */
    static final String TTL_IDENTITY_TYPE = "Service";

    static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    /**
     * The order whose item TTL removed, as its last stored version, if the record is such a
     * removal: {@code REMOVE} of {@code sk = ORDER} made by the service, not by a caller.
     *
     * @param identityType the record's {@code userIdentity.type}, empty if it has none
     * @param principalId the record's {@code userIdentity.principalId}, empty if it has none
     * @param oldImage the record's old image (the orders stream carries new and old images)
     * @throws InvalidInput if such a record carries no readable order in its old image
     */
    public static Optional<Order> expiredOrder(
            String eventName,
            String identityType,
            String principalId,
            Map<String, AttributeValue> oldImage) {
        boolean byTtl = TTL_IDENTITY_TYPE.equals(identityType) && TTL_PRINCIPAL.equals(principalId);
        var sk = oldImage.get("sk");
        if (!"REMOVE".equals(eventName) || !byTtl || sk == null || !OrderItem.SK.equals(sk.s())) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrderItem.fromItem(oldImage));
        } catch (NullPointerException | IllegalArgumentException | DateTimeException e) {
            throw InvalidInput.of("dynamodb.OldImage", "is not an order item: " + e.getMessage());
        }
    }
}
