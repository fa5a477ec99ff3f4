package dev.orderflow.cloud;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.orderflow.cloud.Probe.Expect;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Tokens API Gateway's JWT authorizer must refuse: none, malformed, expired, signed by a key the
 * issuer never published, unsigned, tampered with; and, on scoped routes, valid tokens without the
 * scope.
 */
final class BadTokens {

    /** An {@code Authorization} header value ({@code null}: none) and the answer it gets. */
    record BadToken(String label, Function<Random, String> header, Expect expect) {}

    private final String customer;
    private final String admin;
    private final String warehouse;
    private final String expired;
    private final String adminsGroupWithoutScope;
    private final String foreignSigned;

    BadTokens(LocalCloud cloud, String user) {
        this.customer = cloud.token(user, List.of(), List.of(), Duration.ofMinutes(30));
        this.admin =
                cloud.token(
                        user + "-admin",
                        List.of("orderflow/admin"),
                        List.of("admins"),
                        Duration.ofMinutes(30));
        this.warehouse =
                cloud.token(
                        user + "-wms",
                        List.of("orderflow/warehouse"),
                        List.of(),
                        Duration.ofMinutes(30));
        this.expired = cloud.token(user, List.of(), List.of(), Duration.ofSeconds(-10));
        this.adminsGroupWithoutScope =
                cloud.token(user + "-ops", List.of(), List.of("admins"), Duration.ofMinutes(30));
        this.foreignSigned = signedWithAnotherKey(admin);
    }

    /** A token that may call a route of this access. */
    String good(ApiOperations.Access access) {
        return switch (access) {
            case ADMIN -> admin;
            case WAREHOUSE -> warehouse;
            case PUBLIC, JWT -> customer;
        };
    }

    List<BadToken> kinds(boolean scoped) {
        List<BadToken> kinds = new ArrayList<>();
        kinds.add(new BadToken("none", r -> null, Expect.UNAUTHORIZED_WITHOUT_TOKEN));
        for (var bad :
                List.<BadToken>of(
                        refused("garbage", r -> "Bearer " + garbage(r)),
                        refused("not a JWT", r -> "Bearer not.a.jwt"),
                        refused("expired", r -> "Bearer " + expired),
                        refused("foreign-signed", r -> "Bearer " + foreignSigned),
                        refused("unsigned", r -> "Bearer " + unsigned(admin)),
                        refused("tampered", r -> "Bearer " + tampered(customer)),
                        refused("overlong", r -> "Bearer " + "a".repeat(9_000)),
                        refused("Basic scheme", r -> "Basic dXNlcjpwYXNz"))) {
            kinds.add(bad);
        }
        if (scoped) {
            kinds.add(
                    new BadToken(
                            "customer on a scoped route",
                            r -> "Bearer " + customer,
                            Expect.FORBIDDEN));
            kinds.add(
                    new BadToken(
                            "admins group without the scope",
                            r -> "Bearer " + adminsGroupWithoutScope,
                            Expect.FORBIDDEN));
        }
        return kinds;
    }

    private static BadToken refused(String label, Function<Random, String> header) {
        return new BadToken(label, header, Expect.UNAUTHORIZED_TOKEN);
    }

    private static String garbage(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(400);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A key of the forger's own, made once (a 2,048-bit RSA key costs up to a second). */
    private static final class ForgerKey {
        static final RSAKey KEY = generate();

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The same claims and key id, signed with a key of our own. */
    private static String signedWithAnotherKey(String token) {
        try {
            SignedJWT original = SignedJWT.parse(token);
            RSAKey ours = ForgerKey.KEY;
            SignedJWT forged =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(original.getHeader().getKeyID())
                                    .build(),
                            original.getJWTClaimsSet());
            forged.sign(new RSASSASigner(ours));
            return forged.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.", -1);
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /** The original signature over claims changed to another subject. */
    private static String tampered(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            JWTClaimsSet claims =
                    new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                            .subject("someone-else")
                            .build();
            return parts[0] + "." + base64(claims.toString()) + "." + parts[2];
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
