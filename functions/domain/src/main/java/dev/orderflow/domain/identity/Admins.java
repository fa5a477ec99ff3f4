package dev.orderflow.domain.identity;

import dev.orderflow.domain.error.Forbidden;

/** The rule that guards every admin use case: only an admin caller gets past it. */
public final class Admins {

    private Admins() {}

    /**
     * Returns the caller if it is an admin.
     *
     * @throws Forbidden if the caller holds neither {@link Caller#ADMIN_SCOPE} nor {@link
     *     Caller#ADMIN_GROUP}
     */
    public static Caller require(Caller caller) {
        if (!caller.isAdmin()) {
            throw new Forbidden(
                    "this needs the "
                            + Caller.ADMIN_SCOPE
                            + " scope or membership of the "
                            + Caller.ADMIN_GROUP
                            + " group");
        }
        return caller;
    }
}
