package dev.orderflow.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.orderflow.domain.error.Unauthenticated;
import dev.orderflow.domain.identity.Caller;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the caller from the claims the HTTP API's JWT authorizer passes on. API Gateway flattens
 * claims to strings: {@code scope} is space-separated and arrays such as {@code cognito:groups}
 * arrive as {@code "[a b]"}.
 */
public final class JwtCallers {

    private JwtCallers() {}

    /**
     * The authenticated caller of a request.
     *
     * @throws Unauthenticated if the request carries no JWT claims or no subject
     */
    public static Caller from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null) {
            throw new Unauthenticated("the request carries no verified token");
        }
        var jwt = context.getAuthorizer().getJwt();
        Map<String, String> claims = jwt.getClaims() == null ? Map.of() : jwt.getClaims();
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new Unauthenticated("the token has no subject");
        }
        Set<String> scopes = new HashSet<>(words(claims.get("scope")));
        List<String> granted = jwt.getScopes();
        if (granted != null) {
            scopes.addAll(granted);
        }
        return new Caller(subject, scopes, new HashSet<>(words(claims.get("cognito:groups"))));
    }

    private static List<String> words(String flattened) {
        if (flattened == null) {
            return List.of();
        }
        String inner = flattened.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
    }
}
