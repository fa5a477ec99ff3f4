package dev.orderflow.infra.edge;

import dev.orderflow.infra.config.Topology.CustomDomain;
import dev.orderflow.infra.services.CustomerApi;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.CloudFrontTarget;
import software.constructs.Construct;

/**
 * This region's answer for {@code api.<domainName>}: latency-routed alias records (IPv4 and IPv6)
 * to the region's distribution, withdrawn while a health check of {@code GET /health/ready} through
 * that distribution fails, so clients reach the nearest region that can serve orders. The check
 * asks the readiness route, which probes the region's own tables and state machine, rather than
 * {@code /health}, which only proves the API and a function answer: a region whose dependencies are
 * down must leave DNS too. (CloudFront aliases cannot evaluate their target's health, hence the
 * explicit check.)
 */
public final class LatencyRecords extends Construct {

    /** The readiness route every region serves publicly. */
    public static final String HEALTH_PATH = CustomerApi.READINESS_PATH;

    public final HealthCheck healthCheck;

    public LatencyRecords(
            Construct scope, String id, CustomDomain domain, Distribution distribution) {
        super(scope, id);
        String region = Stack.of(this).getRegion();
        healthCheck =
                HealthCheck.Builder.create(this, "Health")
                        .type(HealthCheckType.HTTPS)
                        .fqdn(distribution.getDistributionDomainName())
                        .port(443)
                        .resourcePath(HEALTH_PATH)
                        .enableSni(true)
                        .requestInterval(Duration.seconds(30))
                        .failureThreshold(3)
                        .build();
        IHostedZone zone =
                HostedZone.fromHostedZoneAttributes(
                        this,
                        "Zone",
                        HostedZoneAttributes.builder()
                                .hostedZoneId(domain.hostedZoneId())
                                .zoneName(domain.domainName())
                                .build());
        RecordTarget target = RecordTarget.fromAlias(new CloudFrontTarget(distribution));
        ARecord.Builder.create(this, "Ipv4")
                .zone(zone)
                .recordName(domain.apiName())
                .target(target)
                .region(region)
                .setIdentifier(region)
                .healthCheck(healthCheck)
                .build();
        AaaaRecord.Builder.create(this, "Ipv6")
                .zone(zone)
                .recordName(domain.apiName())
                .target(target)
                .region(region)
                .setIdentifier(region)
                .healthCheck(healthCheck)
                .build();
    }
}
