package dev.orderflow.infra;

import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.config.Topology;
import dev.orderflow.infra.edge.EdgeWebAcl;
import dev.orderflow.infra.edge.GlobalDashboard;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.constructs.Construct;

/**
 * What a multi-region deployment keeps in us-east-1, where CloudFront looks for them: the web ACL
 * every region's distribution uses, the certificate of {@code api.<domainName>} if there is one,
 * and the dashboard over every region.
 */
public final class EdgeStack extends Stack {

    public final EdgeWebAcl webAcl;
    public final Optional<Certificate> certificate;
    public final GlobalDashboard dashboard;

    public EdgeStack(
            Construct scope,
            String id,
            StackProps props,
            OrderflowConfig config,
            Topology topology) {
        super(scope, id, props);
        webAcl = new EdgeWebAcl(this, "Firewall", config.environmentName());
        certificate =
                topology.domain()
                        .map(
                                domain ->
                                        Certificate.Builder.create(this, "ApiCertificate")
                                                .domainName(domain.apiName())
                                                .validation(
                                                        CertificateValidation.fromDns(
                                                                HostedZone.fromHostedZoneAttributes(
                                                                        this,
                                                                        "Zone",
                                                                        HostedZoneAttributes
                                                                                .builder()
                                                                                .hostedZoneId(
                                                                                        domain
                                                                                                .hostedZoneId())
                                                                                .zoneName(
                                                                                        domain
                                                                                                .domainName())
                                                                                .build())))
                                                .build());
        dashboard =
                new GlobalDashboard(
                        this, "Global", config.environmentName(), topology, webAcl.name);
        CfnOutput.Builder.create(this, "WebAclArn")
                .value(webAcl.webAcl.getAttrArn())
                .description("The CloudFront web ACL of every region's distribution")
                .build();
    }
}
