package dev.orderflow.cloud.internal.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: an RSA key (kept in the data directory when there
 * is one, so tokens survive a restart) that signs access tokens shaped like Cognito's, with the
 * issuer and client id the template's JWT authorizer expects.
 */
public final class LocalIssuer {

    private final RSAKey key;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    private LocalIssuer(RSAKey key, String issuer, String clientId, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
    }

    /**
     * Loads the key from {@code keyFile} if present, else generates one and saves it there; without
     * a key file, uses the {@link ProcessKey}.
     */
    public static LocalIssuer create(
            String issuer, String clientId, Clock clock, Optional<Path> keyFile) {
        try {
            RSAKey key = keyFile.isEmpty() ? ProcessKey.KEY : savedKey(keyFile.get());
            return new LocalIssuer(key, issuer, clientId, clock);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot set up the local token issuer: " + e, e);
        }
    }

    private static RSAKey savedKey(Path keyFile) throws IOException, ParseException {
        if (Files.exists(keyFile)) {
            return RSAKey.parse(Files.readString(keyFile));
        }
        RSAKey key = newKey();
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, key.toJSONString());
        return key;
    }

    /**
     * The key of every stack this process starts without a data directory: generating a 2,048-bit
     * RSA key costs 0.2–1 s of CPU, and a test JVM boots many stacks. Stacks of one template name
     * the same user pool as their issuer, and one pool signs with one key, so a token is good on
     * each of them, as it would be for two regions' APIs behind one pool. A stack with a data
     * directory gets a key of its own, kept there.
     */
    private static final class ProcessKey {
        static final RSAKey KEY = newKey();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("local-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the local issuer's key: " + e, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** The public key set, as the issuer's {@code /.well-known/jwks.json} serves it. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** An access token like Cognito's for {@code user}, valid for {@code ttl}. */
    public String mint(String user, List<String> scopes, List<String> groups, Duration ttl) {
        return sign(user, scopes, groups, clock.instant(), ttl, issuer, key);
    }

    private String sign(
            String user,
            List<String> scopes,
            List<String> groups,
            Instant issued,
            Duration ttl,
            String iss,
            RSAKey signingKey) {
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder()
                        .subject(
                                UUID.nameUUIDFromBytes(
                                                user.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8))
                                        .toString())
                        .issuer(iss)
                        .claim("client_id", clientId)
                        .claim("token_use", "access")
                        .claim("username", user)
                        .claim("scope", String.join(" ", scopes))
                        .claim("auth_time", issued.getEpochSecond())
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(issued.plus(ttl)));
        if (!groups.isEmpty()) {
            claims.claim("cognito:groups", groups);
        }
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(signingKey.getKeyID())
                                .build(),
                        claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
