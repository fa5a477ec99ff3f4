package dev.orderflow.cloud.internal.template;

import java.util.List;

/** A JWT authorizer: the issuer and audiences a token must carry. */
public record AuthorizerSpec(
        String id, String name, String issuer, List<String> audiences, String identitySource) {
    public AuthorizerSpec {
        audiences = List.copyOf(audiences);
    }
}
