package dev.orderflow.infra.edge;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The region's shared secret between its CloudFront distribution and its HTTP API: CloudFront sends
 * it as {@value #HEADER}, and the functions behind the API refuse a request that does not carry it,
 * so the API's own endpoint is of no use to a caller that bypasses CloudFront and its web ACL.
 */
public final class OriginVerifySecret extends Construct {

    /** The header CloudFront adds to every request it forwards to the origin. */
    public static final String HEADER = "X-Origin-Verify";

    public final Secret secret;

    public OriginVerifySecret(Construct scope, String id) {
        super(scope, id);
        secret =
                Secret.Builder.create(this, "Secret")
                        .description(
                                "Value CloudFront sends as "
                                        + HEADER
                                        + " to this region's HTTP API; the functions check it")
                        .generateSecretString(
                                SecretStringGenerator.builder()
                                        .passwordLength(48)
                                        .excludePunctuation(true)
                                        .build())
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
    }
}
