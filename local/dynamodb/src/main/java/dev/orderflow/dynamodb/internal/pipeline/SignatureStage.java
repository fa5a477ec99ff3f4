package dev.orderflow.dynamodb.internal.pipeline;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.protocol.SigV4;
import java.util.List;
import java.util.Map;

/**
 * The authentication stage. Any credentials are accepted, but the request must carry a complete
 * Signature Version 4 signature, in the {@code Authorization} header or in the query string
 * (presigned), and DynamoDB's error when it does not: MissingAuthenticationToken without either,
 * IncompleteSignature naming every missing part, InvalidSignature when both forms are present.
 */
final class SignatureStage {
    private static final String ALGORITHM = "X-Amz-Algorithm";
    private static final List<String> HEADER_PARTS =
            List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARTS =
            List.of(
                    ALGORITHM,
                    "X-Amz-Credential",
                    "X-Amz-Signature",
                    "X-Amz-SignedHeaders",
                    "X-Amz-Date");

    private SignatureStage() {}

    static void check(WireRequest request) {
        String authorization = request.header("authorization");
        Map<String, String> query = SigV4.queryParameters(request.query());
        if (query.containsKey(ALGORITHM)) {
            if (authorization != null) {
                throw ApiException.invalidSignature(
                        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization'"
                                + " as HTTP header.");
            }
            checkQuery(query);
            return;
        }
        if (authorization == null || !authorization.startsWith(SigV4.HEADER_SCHEME)) {
            throw ApiException.missingAuth();
        }
        checkHeader(authorization, request);
    }

    private static void checkHeader(String authorization, WireRequest request) {
        Map<String, String> parts = SigV4.headerParameters(authorization);
        StringBuilder missing = new StringBuilder();
        for (String part : HEADER_PARTS) {
            if (!parts.containsKey(part)) {
                missing.append("Authorization header requires '")
                        .append(part)
                        .append("' parameter. ");
            }
        }
        if (request.header("x-amz-date") == null && request.header("date") == null) {
            missing.append(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
                            + " header. ");
        }
        if (!missing.isEmpty()) {
            throw ApiException.incompleteSignature(missing + "Authorization=" + authorization);
        }
    }

    private static void checkQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String part : QUERY_PARTS) {
            String value = query.get(part);
            if (value == null || value.isEmpty()) {
                missing.append("AWS query-string parameters must include '")
                        .append(part)
                        .append("'. ");
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.incompleteSignature(
                    missing + "Re-examine the query-string parameters.");
        }
    }
}
