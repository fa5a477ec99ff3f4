package dev.orderflow.cloud.cli.simulate;

/**
 * A default AWS quota (large regions: us-east-1, us-west-2, eu-west-1), as docs/capacity.md cites
 * it.
 *
 * @param name short name, as the report lists it
 * @param what what it limits, with its unit
 * @param limit the default value
 */
public record Quota(String name, String what, double limit) {}
