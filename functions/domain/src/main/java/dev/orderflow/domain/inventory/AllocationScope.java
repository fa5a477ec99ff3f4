package dev.orderflow.domain.inventory;

import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.region.AwsRegion;
import java.util.Objects;

/**
 * Which fulfillment centers a region's saga may allocate an order from (docs/multi-region.md,
 * decisions 4 and 5). Chosen by the wiring from how the Inventory table replicates.
 */
public sealed interface AllocationScope {

    /** Whether the saga may allocate from this center. */
    boolean includes(FulfillmentCenter center);

    /**
     * Regional stock: only the centers homed in {@code here}, whose stock lives in this region's
     * Inventory table and changes only here.
     */
    static AllocationScope homedIn(AwsRegion here) {
        return new HomedIn(here);
    }

    /**
     * Strong stock: every center, wherever it is homed. The Inventory table is one multi-Region
     * strongly consistent table, so a conditional write in any region sees every region's writes
     * and no unit is sold twice.
     */
    static AllocationScope everyCenter() {
        return new EveryCenter();
    }

    /** The centers homed in one region. */
    record HomedIn(AwsRegion here) implements AllocationScope {
        public HomedIn {
            Objects.requireNonNull(here, "here");
        }

        @Override
        public boolean includes(FulfillmentCenter center) {
            return center.isHomedIn(here);
        }
    }

    /** Every center. */
    record EveryCenter() implements AllocationScope {
        @Override
        public boolean includes(FulfillmentCenter center) {
            return true;
        }
    }
}
