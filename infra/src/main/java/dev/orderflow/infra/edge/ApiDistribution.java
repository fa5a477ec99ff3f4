package dev.orderflow.infra.edge;

import dev.orderflow.infra.constructs.HttpApiGateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.constructs.Construct;

/**
 * The region's CloudFront distribution in front of its HTTP API: HTTPS only, every method, nothing
 * cached (every answer is per caller), the viewer's headers (Authorization, Idempotency-Key) and
 * query strings forwarded, the edge web ACL applied, and {@code X-Origin-Verify} added from the
 * region's secret.
 */
public final class ApiDistribution extends Construct {

    public final Distribution distribution;

    /**
     * @param webAclArn the edge stack's CLOUDFRONT web ACL (a cross-region reference)
     * @param domain the certificate (us-east-1) and name {@code api.<domainName>}, if any
     */
    public ApiDistribution(
            Construct scope,
            String id,
            HttpApiGateway api,
            OriginVerifySecret originVerify,
            String webAclArn,
            Optional<NamedCertificate> domain) {
        super(scope, id);
        HttpOrigin origin =
                HttpOrigin.Builder.create(api.endpointHost())
                        .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                        // A CloudFormation dynamic reference: the value is resolved at deployment
                        // and never written into the template.
                        .customHeaders(
                                Map.of(
                                        OriginVerifySecret.HEADER,
                                        originVerify.secret.getSecretValue().unsafeUnwrap()))
                        .build();
        Distribution.Builder builder =
                Distribution.Builder.create(this, "Distribution")
                        .comment(
                                "orderflow API, "
                                        + software.amazon.awscdk.Stack.of(this).getRegion())
                        .defaultBehavior(
                                BehaviorOptions.builder()
                                        .origin(origin)
                                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                                        // With caching disabled this managed policy forwards
                                        // Authorization too; Host stays the API's own, which
                                        // API Gateway requires.
                                        .originRequestPolicy(
                                                OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                                        .build())
                        .httpVersion(HttpVersion.HTTP2_AND_3)
                        .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                        .webAclId(webAclArn);
        domain.ifPresent(
                named ->
                        builder.domainNames(List.of(named.domainName()))
                                .certificate(named.certificate()));
        distribution = builder.build();
    }

    /**
     * A public name and its CloudFront certificate.
     *
     * @param domainName e.g. {@code api.shop.example.com}
     * @param certificate its ACM certificate in us-east-1
     */
    public record NamedCertificate(String domainName, ICertificate certificate) {}
}
