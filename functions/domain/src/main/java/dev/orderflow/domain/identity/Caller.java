package dev.orderflow.domain.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established by the API's token check. A customer is identified by the token's
 * subject; an admin holds {@link #ADMIN_SCOPE} or belongs to {@link #ADMIN_GROUP}.
 *
 * @param subject the stable user id (the token's {@code sub})
 * @param scopes the OAuth scopes the token grants
 * @param groups the user pool groups the user belongs to
 */
public record Caller(String subject, Set<String> scopes, Set<String> groups) {

    /** The OAuth scope that makes a caller an admin. */
    public static final String ADMIN_SCOPE = "orderflow/admin";

    /** The OAuth scope of a fulfillment center's warehouse system reporting on its shipments. */
    public static final String WAREHOUSE_SCOPE = "orderflow/warehouse";

    /** The user pool group that makes a caller an admin. */
    public static final String ADMIN_GROUP = "admins";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller needs a subject");
        }
        scopes = Set.copyOf(scopes);
        groups = Set.copyOf(groups);
    }

    /** Whether this caller may manage the catalog, stock and every customer's orders. */
    public boolean isAdmin() {
        return scopes.contains(ADMIN_SCOPE) || groups.contains(ADMIN_GROUP);
    }

    /** Whether this caller is a warehouse system that may report on shipments. */
    public boolean isWarehouseSystem() {
        return scopes.contains(WAREHOUSE_SCOPE);
    }
}
