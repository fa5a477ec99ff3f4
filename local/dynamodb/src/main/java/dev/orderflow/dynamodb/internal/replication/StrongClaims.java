package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.ItemId;
import java.util.HashMap;
import java.util.Map;

/**
 * The items of MRSC tables that a write is modifying, with the region it runs in: from the moment
 * the write is admitted until every attached replica has applied it. A write from another region to
 * a claimed item fails with ReplicatedWriteConflictException ("How DynamoDB global tables work",
 * MRSC); writes of the same region are serialised by its engine and may share a claim.
 */
final class StrongClaims {
    private record Claim(String region, int holders) {}

    private final Map<ItemId, Claim> claims = new HashMap<>();

    synchronized void claim(ItemId id, String region) {
        Claim c = claims.get(id);
        if (c != null && !c.region().equals(region)) {
            throw ApiException.replicatedWriteConflict();
        }
        claims.put(id, new Claim(region, c == null ? 1 : c.holders() + 1));
    }

    synchronized void release(ItemId id) {
        Claim c = claims.get(id);
        if (c == null) {
            return;
        }
        if (c.holders() == 1) {
            claims.remove(id);
        } else {
            claims.put(id, new Claim(c.region(), c.holders() - 1));
        }
    }
}
