package dev.orderflow.cloud.cli.simulate;

/**
 * What the sale asks of one quota.
 *
 * @param quota the quota
 * @param demand what the sale needs, in the quota's unit
 */
public record QuotaCheck(Quota quota, double demand) {

    /** The demand as a share of the default (1 = 100%). */
    public double share() {
        return demand / quota.limit();
    }

    /**
     * Whether the sale alone uses all of the default: any other traffic in the account and region
     * (or any burst above the average) is then throttled.
     */
    public boolean reached() {
        return demand >= quota.limit();
    }
}
