package dev.orderflow.infra.config;

import java.util.List;

/** Which region one {@code OrderflowStack} serves, and what that makes it create or reference. */
public sealed interface Placement {

    /** How Inventory replicates in this deployment. */
    Topology.StockConsistency stockConsistency();

    /** The single-region stack: creates every table; no edge, no filters on the home region. */
    record SingleRegion() implements Placement {
        @Override
        public Topology.StockConsistency stockConsistency() {
            return Topology.StockConsistency.EVENTUAL;
        }
    }

    /**
     * One region of a multi-region deployment.
     *
     * @param region the stack's region
     * @param topology every region, the primary first
     */
    record InRegion(String region, Topology topology) implements Placement {

        public InRegion {
            if (!topology.regions().contains(region)) {
                throw new IllegalArgumentException(region + " is not one of " + topology.regions());
            }
        }

        @Override
        public Topology.StockConsistency stockConsistency() {
            return topology.stockConsistency();
        }

        /** Whether this stack creates the global tables and the user pool. */
        public boolean isPrimary() {
            return region.equals(topology.primary());
        }

        /** The regions whose replicas the primary's global tables create. */
        public List<String> replicaRegions() {
            return topology.replicaRegions();
        }
    }
}
