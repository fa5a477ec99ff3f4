package dev.orderflow.cloud.internal.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.orderflow.cloud.internal.template.AuthorizerSpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an HTTP API JWT authorizer checks (AWS docs "Controlling access to HTTP APIs with JWT
 * authorizers"): signature against the issuer's keys, {@code iss}, {@code aud} or {@code
 * client_id}, {@code exp}, {@code nbf}, {@code iat}, and the route's scopes.
 */
final class JwtVerifier {

    /** The verdict: claims when valid, else the reason (used in the www-authenticate header). */
    record Verdict(Map<String, Object> claims, String error, boolean forbidden) {
        boolean valid() {
            return error == null;
        }
    }

    private final RSAKey key;
    private final Clock clock;

    JwtVerifier(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    Verdict verify(String authorization, AuthorizerSpec authorizer, List<String> routeScopes) {
        if (authorization == null || authorization.isBlank()) {
            return fail("no token");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key))) {
                return fail("signature is invalid");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            return fail("token is malformed");
        }
        Instant now = clock.instant(); // the claims are whole seconds, so sub-millis cannot matter
        if (claims.getExpirationTime() == null
                || !now.isBefore(claims.getExpirationTime().toInstant())) {
            return fail("the token has expired");
        }
        if (claims.getNotBeforeTime() != null
                && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            return fail("the token is not valid yet");
        }
        if (!authorizer.issuer().equals(claims.getIssuer())) {
            return fail("issuer is invalid");
        }
        boolean audienceOk =
                claims.getAudience().stream().anyMatch(authorizer.audiences()::contains)
                        || authorizer
                                .audiences()
                                .contains(String.valueOf(claims.getClaim("client_id")));
        if (!authorizer.audiences().isEmpty() && !audienceOk) {
            return fail("audience is invalid");
        }
        if (!routeScopes.isEmpty()) {
            Object scope = claims.getClaim("scope");
            List<String> granted =
                    scope == null ? List.of() : List.of(String.valueOf(scope).split("\\s+"));
            if (routeScopes.stream().noneMatch(granted::contains)) {
                return new Verdict(null, "insufficient_scope", true);
            }
        }
        return new Verdict(claims.getClaims(), null, false);
    }

    private static Verdict fail(String reason) {
        return new Verdict(null, reason, false);
    }
}
